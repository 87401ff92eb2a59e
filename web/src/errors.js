// Shows an API error to the user in the current language.
import { ElMessage } from './element.js'
import { i18n } from './i18n.js'

export function errorText(error) {
  const { t, locale } = i18n.global
  if (error && typeof error.localizedMessage === 'function') {
    const text = error.localizedMessage(locale.value)
    if (text) return text
    if (error.code === 'unavailable') return t('errors.unavailable')
  }
  return t('common.requestFailed')
}

export function showError(error) {
  // 401 is handled by the router (redirect to /login); do not pile up messages.
  if (error && error.status === 401) return
  ElMessage.error({ message: errorText(error), grouping: true })
}
