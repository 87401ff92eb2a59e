// vue-i18n setup: zh-CN by default, English switchable, the choice kept in localStorage.
import { createI18n } from 'vue-i18n'
import zhCN from './locales/zh-CN.js'
import en from './locales/en.js'

export const LOCALES = ['zh-CN', 'en']
export const DEFAULT_LOCALE = 'zh-CN'
const STORAGE_KEY = 'npgov.locale'

function storage() {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

export function savedLocale() {
  const value = storage()?.getItem(STORAGE_KEY)
  return LOCALES.includes(value) ? value : DEFAULT_LOCALE
}

export const i18n = createI18n({
  legacy: false,
  locale: savedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'zh-CN': zhCN, en },
})

export function setLocale(locale) {
  if (!LOCALES.includes(locale)) return
  i18n.global.locale.value = locale
  storage()?.setItem(STORAGE_KEY, locale)
  if (typeof document !== 'undefined') document.documentElement.lang = locale
}

/** Picks the Chinese or English variant of a bilingual record ({name_zh, name_en}). */
export function localName(record, locale = i18n.global.locale.value) {
  if (!record) return ''
  if (locale === 'en') return record.name_en || record.name_zh || ''
  return record.name_zh || record.name_en || ''
}
