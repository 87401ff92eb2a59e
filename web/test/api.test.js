import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, api, onUnauthorized, request, setCsrfToken } from '../src/api.js'

function jsonResponse(status, body) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

const errorBody = (code, extra = {}) => ({
  error: { code, reason: 'x.y', message_zh: '中文消息', message_en: 'English message', ...extra },
})

let fetchMock

beforeEach(() => {
  fetchMock = vi.fn()
  vi.stubGlobal('fetch', fetchMock)
  setCsrfToken('')
  onUnauthorized(null)
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('request', () => {
  it('sends GET with same-origin credentials and no CSRF header', async () => {
    setCsrfToken('tok')
    fetchMock.mockResolvedValue(jsonResponse(200, { status: 'ok' }))
    const data = await request('GET', '/health')
    expect(data).toEqual({ status: 'ok' })
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/v1/health')
    expect(init.method).toBe('GET')
    expect(init.credentials).toBe('same-origin')
    expect(init.headers['X-CSRF-Token']).toBeUndefined()
  })

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('adds X-CSRF-Token on %s', async (method) => {
    setCsrfToken('csrf-123')
    fetchMock.mockResolvedValue(jsonResponse(200, {}))
    await request(method, '/things', { body: { a: 1 } })
    const [, init] = fetchMock.mock.calls[0]
    expect(init.headers['X-CSRF-Token']).toBe('csrf-123')
    expect(init.headers['Content-Type']).toBe('application/json')
    expect(init.body).toBe('{"a":1}')
  })

  it('builds the query string and drops empty values', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { items: [] }))
    await api.listEnterprises({ page: 2, page_size: 20, q: '化工 公司', region_code: '' , x: null })
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/enterprises?page=2&page_size=20&q=%E5%8C%96%E5%B7%A5+%E5%85%AC%E5%8F%B8')
  })

  it('returns null for 204 No Content', async () => {
    setCsrfToken('t')
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }))
    await expect(api.logout()).resolves.toBeNull()
  })

  it('turns an error body into ApiError with both languages and the field', async () => {
    fetchMock.mockResolvedValue(jsonResponse(409, errorBody('already_exists', { field: 'username' })))
    const err = await api.createUser({ username: 'a' }).catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(409)
    expect(err.code).toBe('already_exists')
    expect(err.reason).toBe('x.y')
    expect(err.field).toBe('username')
    expect(err.localizedMessage('zh-CN')).toBe('中文消息')
    expect(err.localizedMessage('en')).toBe('English message')
  })

  it('falls back to the other language when one message is missing', () => {
    const err = new ApiError(400, { code: 'invalid_argument', message_zh: '只有中文' })
    expect(err.localizedMessage('en')).toBe('只有中文')
  })

  it('copes with a non-JSON error body', async () => {
    fetchMock.mockResolvedValue(new Response('<html>Bad gateway</html>', { status: 502 }))
    const err = await request('GET', '/dashboard').catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(502)
    expect(err.code).toBe('internal')
    expect(err.localizedMessage('zh-CN')).toBe('')
  })

  it('maps a network failure to an unavailable ApiError', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    const err = await request('GET', '/me').catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(0)
    expect(err.code).toBe('unavailable')
    expect(err.localizedMessage('zh-CN')).toMatch(/服务器/)
  })

  it('calls the unauthorized handler on 401', async () => {
    const handler = vi.fn()
    onUnauthorized(handler)
    fetchMock.mockResolvedValue(jsonResponse(401, errorBody('unauthenticated')))
    await expect(api.dashboard()).rejects.toBeInstanceOf(ApiError)
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('does not redirect on a failed login (wrong password) or on /me', async () => {
    const handler = vi.fn()
    onUnauthorized(handler)
    fetchMock.mockImplementation(() => Promise.resolve(jsonResponse(401, errorBody('unauthenticated'))))
    await expect(api.login('admin', 'wrong')).rejects.toMatchObject({ code: 'unauthenticated' })
    await expect(api.me()).rejects.toMatchObject({ status: 401 })
    expect(handler).not.toHaveBeenCalled()
  })

  it('keeps 429 resource_exhausted as an ApiError without redirecting', async () => {
    const handler = vi.fn()
    onUnauthorized(handler)
    fetchMock.mockResolvedValue(jsonResponse(429, errorBody('resource_exhausted')))
    await expect(api.login('admin', 'x')).rejects.toMatchObject({ status: 429, code: 'resource_exhausted' })
    expect(handler).not.toHaveBeenCalled()
  })

  it('posts to the disable endpoint with the CSRF token', async () => {
    setCsrfToken('abc')
    fetchMock.mockResolvedValue(jsonResponse(200, { id: 7, disabled: true }))
    await api.disableUser(7)
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/v1/users/7/disable')
    expect(init.method).toBe('POST')
    expect(init.headers['X-CSRF-Token']).toBe('abc')
  })
})
