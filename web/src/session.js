// The logged-in user, shared by the router guard, the layout and the pages.
import { reactive } from 'vue'
import { api, setCsrfToken } from './api.js'

export const session = reactive({
  user: null,
  checked: false, // true once GET /me has been tried in this page load
})

function accept(data) {
  session.user = data.user
  session.checked = true
  setCsrfToken(data.csrf_token)
  return data.user
}

/** Returns the current user, asking the server once per page load; null if not logged in. */
export async function ensureSession() {
  if (session.user) return session.user
  if (session.checked) return null
  try {
    return accept(await api.me())
  } catch (e) {
    session.checked = true
    if (e.status === 401) return null
    throw e
  }
}

export async function login(username, password) {
  return accept(await api.login(username, password))
}

export async function logout() {
  try {
    await api.logout()
  } finally {
    clearSession()
  }
}

export function clearSession() {
  session.user = null
  session.checked = true
  setCsrfToken('')
}
