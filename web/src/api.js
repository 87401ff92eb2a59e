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
  substanceHazard: (id) => request('GET', `/substances/${encodeURIComponent(id)}/hazard`),
  addHazardProperty: (id, body) => request('POST', `/substances/${encodeURIComponent(id)}/hazard/properties`, { body }),
  addHazardEcotox: (id, body) => request('POST', `/substances/${encodeURIComponent(id)}/hazard/ecotox`, { body }),
  addHazardClassification: (id, body) =>
    request('POST', `/substances/${encodeURIComponent(id)}/hazard/classifications`, { body }),

  listLists: () => request('GET', '/lists'),
  getList: (id, edition) => request('GET', `/lists/${encodeURIComponent(id)}`, { query: { edition } }),
  listDiff: (id, query) => request('GET', `/lists/${encodeURIComponent(id)}/diff`, { query }),

  screeningRuns: (query) => request('GET', '/screening/runs', { query }),
  screeningRun: (id, query) => request('GET', `/screening/runs/${encodeURIComponent(id)}`, { query }),
  startScreening: (body = {}) => request('POST', '/screening/runs', { body }),
  assessment: (substanceId) => request('GET', `/assessments/${encodeURIComponent(substanceId)}`),
  saveAssessment: (substanceId, body) => request('POST', `/assessments/${encodeURIComponent(substanceId)}`, { body }),
  reviewAssessment: (substanceId, comment) =>
    request('POST', `/assessments/${encodeURIComponent(substanceId)}/review`, { body: { comment } }),
  publishAssessment: (substanceId, comment) =>
    request('POST', `/assessments/${encodeURIComponent(substanceId)}/publish`, { body: { comment } }),

  monitoringSites: (query) => request('GET', '/monitoring/sites', { query }),
  monitoringSummary: (query) => request('GET', '/monitoring/summary', { query }),
  monitoringSeries: (query) => request('GET', '/monitoring/series', { query }),

  industries: () => request('GET', '/reference/industries'),
  getEnterprise: (id) => request('GET', `/enterprises/${encodeURIComponent(id)}`),
  importEnterprises: (file, { mode, dryRun, onProgress } = {}) =>
    uploadFile('/enterprises/import', file, { query: { mode, dry_run: dryRun ? '1' : undefined }, onProgress }),
  exportEnterprises: (format) => downloadFile('/enterprises/export', { format }),

  surveyCampaigns: () => request('GET', '/survey/campaigns'),
  createSurveyCampaign: (campaign) => request('POST', '/survey/campaigns', { body: campaign }),
  surveyCampaign: (id) => request('GET', `/survey/campaigns/${encodeURIComponent(id)}`),
  surveyCampaignStatus: (id) => request('GET', `/survey/campaigns/${encodeURIComponent(id)}/status`),
  surveyTemplate: (id, enterpriseId) =>
    downloadFile(`/survey/campaigns/${encodeURIComponent(id)}/template`, { enterprise_id: enterpriseId }),
  surveySubmissions: (query) => request('GET', '/survey/submissions', { query }),
  openSurveySubmission: (campaignId, enterpriseId) =>
    request('POST', '/survey/submissions', { body: { campaign_id: campaignId, enterprise_id: enterpriseId ?? undefined } }),
  surveySubmission: (id, query) => request('GET', `/survey/submissions/${encodeURIComponent(id)}`, { query }),
  surveyVersions: (id) => request('GET', `/survey/submissions/${encodeURIComponent(id)}/versions`),
  saveSurveyLines: (id, lines) => request('POST', `/survey/submissions/${encodeURIComponent(id)}/lines`, { body: { lines } }),
  uploadSurveyLines: (id, file, { dryRun, onProgress } = {}) =>
    uploadFile(`/survey/submissions/${encodeURIComponent(id)}/upload`, file, {
      query: { dry_run: dryRun ? '1' : undefined },
      onProgress,
    }),
  submitSurvey: (id) => request('POST', `/survey/submissions/${encodeURIComponent(id)}/submit`, { body: {} }),
  countyReviewSurvey: (id, comment) =>
    request('POST', `/survey/submissions/${encodeURIComponent(id)}/county-review`, { body: { comment: comment || '' } }),
  approveSurvey: (id, comment) =>
    request('POST', `/survey/submissions/${encodeURIComponent(id)}/approve`, { body: { comment: comment || '' } }),
  returnSurvey: (id, comment) =>
    request('POST', `/survey/submissions/${encodeURIComponent(id)}/return`, { body: { comment: comment || '' } }),
  surveyResults: (query) => request('GET', '/survey/results', { query }),
  exportSurveyResults: (query) => downloadFile('/survey/results/export', query),
}

/**
 * The file name of a Content-Disposition header: the RFC 5987 UTF-8 name (filename*=) when
 * present, else the plain one, else `fallback`.
 */
export function fileNameFromDisposition(header, fallback = 'download') {
  if (!header) return fallback
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header)
  if (star) {
    try {
      return decodeURIComponent(star[2].trim().replace(/^"|"$/g, ''))
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header)
  if (plain) return (plain[1] ?? plain[2]).trim()
  return fallback
}

function apiErrorFrom(status, data) {
  const error = new ApiError(status, (data && data.error) || {})
  // Imports and uploads answer 400 with the whole report (every row error) beside the error.
  if (data && data.report) error.report = data.report
  if (status === 401 && unauthorizedHandler) unauthorizedHandler(error)
  return error
}

/**
 * Uploads a file as the first file of a multipart form (POST, with the CSRF header) and reports
 * progress as onProgress(percent 0..100). Resolves to the JSON answer; rejects with ApiError,
 * whose `report` holds the server's report when there is one (row errors of an upload).
 */
export function uploadFile(path, file, { query, onProgress } = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', buildUrl(path, query))
    xhr.withCredentials = true
    xhr.setRequestHeader('Accept', 'application/json')
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken)
    if (onProgress) {
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) onProgress(Math.min(100, Math.round((e.loaded / e.total) * 100)))
      }
    }
    xhr.onload = () => {
      let data = null
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null
      } catch {
        data = null
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data)
      else reject(apiErrorFrom(xhr.status, data))
    }
    xhr.onerror = () =>
      reject(
        new ApiError(0, {
          code: 'unavailable',
          reason: 'network.unreachable',
          message_zh: '无法连接服务器，请检查网络后重试。',
          message_en: 'Cannot reach the server. Please check the network and try again.',
        }),
      )
    const form = new FormData()
    form.append('file', file, file.name || 'upload')
    xhr.send(form)
  })
}

/**
 * Downloads a file route (GET, same-origin cookie) and hands it to the browser as a download
 * named by the server's Content-Disposition. Resolves to the file name; rejects with ApiError.
 */
export async function downloadFile(path, query) {
  let response
  try {
    response = await fetch(buildUrl(path, query), { credentials: 'same-origin' })
  } catch {
    throw new ApiError(0, {
      code: 'unavailable',
      reason: 'network.unreachable',
      message_zh: '无法连接服务器，请检查网络后重试。',
      message_en: 'Cannot reach the server. Please check the network and try again.',
    })
  }
  if (!response.ok) {
    let data = null
    try {
      data = await response.json()
    } catch {
      data = null
    }
    throw apiErrorFrom(response.status, data)
  }
  const blob = await response.blob()
  const name = fileNameFromDisposition(response.headers.get('Content-Disposition'), 'npgov-export')
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60000)
  return name
}
