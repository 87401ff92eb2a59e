import { createApp } from 'vue'
import 'element-plus/dist/index.css'

import App from './App.vue'
import element from './element.js'
import { router } from './router.js'
import { i18n, savedLocale } from './i18n.js'
import './style.css'

document.documentElement.lang = savedLocale()

createApp(App).use(element).use(i18n).use(router).mount('#app')
