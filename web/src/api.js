// Thin wrapper around fetch for the npgov JSON API (/api/v1, same origin).
//
// - Sends the session cookie (credentials: 'same-origin').
// - Adds the X-CSRF-Token header on every state-changing request.
// - Turns error responses ({"error":{code,reason,message_zh,message_en,field}})
//   into ApiError, and calls the registered handler on 401 (go to /login).

export const API_BASE = '/api/v1'

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

let csrfToken = ''
let unauthorizedHandler = null

export function setCsrfToken(token) {
  csrfToken = token || ''
}

export function getCsrfToken() {
  return csrfToken
}

/** Registers a callback run when any call (except login itself) answers 401. */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler
}

export class ApiError extends Error {
  constructor(status, error = {}) {
    super(error.message_en || error.message_zh || `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.code = error.code || (status === 0 ? 'unavailable' : 'internal')
    this.reason = error.reason || ''
    this.messageZh = error.message_zh || ''
    this.messageEn = error.message_en || ''
    this.field = error.field || ''
  }

  /** The server's message in the given UI locale ('zh-CN' or 'en'), or '' if none. */
  localizedMessage(locale) {
    if (locale && locale.startsWith('zh')) return this.messageZh || this.messageEn
    return this.messageEn || this.messageZh
  }
}

function buildUrl(path, query) {
  let url = API_BASE + path
  if (query) {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params.append(key, String(value))
    }
    const qs = params.toString()
    if (qs) url += '?' + qs
  }
  return url
}

/**
 * request('GET', '/users', { query: { page: 1 } })
 * request('POST', '/users', { body: {...} })
 * Resolves to the parsed JSON body (or null for 204), rejects with ApiError.
 */
export async function request(method, path, { query, body, skipUnauthorizedHandler = false } = {}) {
  method = method.toUpperCase()
  const headers = { Accept: 'application/json' }
  const init = { method, headers, credentials: 'same-origin' }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    init.body = JSON.stringify(body)
  }
  if (UNSAFE_METHODS.has(method) && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken
  }

  let response
  try {
    response = await fetch(buildUrl(path, query), init)
  } catch (e) {
    throw new ApiError(0, {
      code: 'unavailable',
      reason: 'network.unreachable',
      message_zh: '无法连接服务器，请检查网络后重试。',
      message_en: 'Cannot reach the server. Please check the network and try again.',
    })
  }

  let data = null
  if (response.status !== 204) {
    const text = await response.text()
    if (text) {
      try {
        data = JSON.parse(text)
      } catch {
        data = null
      }
    }
  }

  if (!response.ok) {
    const error = new ApiError(response.status, (data && data.error) || {})
    if (response.status === 401 && !skipUnauthorizedHandler && unauthorizedHandler) {
      unauthorizedHandler(error)
    }
    throw error
  }
  return data
}

export const api = {
  health: () => request('GET', '/health'),
  login: (username, password) =>
    request('POST', '/auth/login', { body: { username, password }, skipUnauthorizedHandler: true }),
  logout: () => request('POST', '/auth/logout'),
  me: () => request('GET', '/me', { skipUnauthorizedHandler: true }),

  dashboard: () => request('GET', '/dashboard'),

  listUsers: (query) => request('GET', '/users', { query }),
  createUser: (user) => request('POST', '/users', { body: user }),
  disableUser: (id) => request('POST', `/users/${encodeURIComponent(id)}/disable`),

  listAudit: (query) => request('GET', '/audit', { query }),
  verifyAudit: () => request('GET', '/audit/verify'),

  departments: () => request('GET', '/reference/departments'),
  regions: () => request('GET', '/reference/regions'),

  listEnterprises: (query) => request('GET', '/enterprises', { query }),

  searchSubstances: (query) => request('GET', '/substances', { query }),
  getSubstance: (id) => request('GET', `/substances/${encodeURIComponent(id)}`),
  classify: (input) => request('POST', '/substances/classify', { body: input }),

  listLists: () => request('GET', '/lists'),
  getList: (id, edition) => request('GET', `/lists/${encodeURIComponent(id)}`, { query: { edition } }),
  listDiff: (id, query) => request('GET', `/lists/${encodeURIComponent(id)}/diff`, { query }),

  monitoringSites: (query) => request('GET', '/monitoring/sites', { query }),
  monitoringSummary: (query) => request('GET', '/monitoring/summary', { query }),
  monitoringSeries: (query) => request('GET', '/monitoring/series', { query }),
}
