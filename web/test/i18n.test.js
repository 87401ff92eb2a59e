import { describe, expect, it, vi } from 'vitest'
import zhCN from '../src/locales/zh-CN.js'
import en from '../src/locales/en.js'
import { ROLES, NAV_ITEMS } from '../src/nav.js'

function keys(obj, prefix = '') {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}

function lookup(obj, path) {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj)
}

function placeholders(text) {
  return [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
}

describe('locale messages', () => {
  const zhKeys = keys(zhCN)
  const enKeys = keys(en)

  it('every zh-CN key exists in en', () => {
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([])
  })

  it('every en key exists in zh-CN', () => {
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([])
  })

  it('no message is empty', () => {
    expect(zhKeys.filter((k) => !String(lookup(zhCN, k)).trim())).toEqual([])
    expect(enKeys.filter((k) => !String(lookup(en, k)).trim())).toEqual([])
  })

  it('both languages use the same placeholders', () => {
    const mismatched = zhKeys.filter(
      (k) => JSON.stringify(placeholders(lookup(zhCN, k))) !== JSON.stringify(placeholders(lookup(en, k))),
    )
    expect(mismatched).toEqual([])
  })

  it('has a label for every role and navigation entry', () => {
    for (const messages of [zhCN, en]) {
      for (const role of ROLES) expect(lookup(messages, `roles.${role}`)).toBeTruthy()
      for (const item of NAV_ITEMS) expect(lookup(messages, item.label)).toBeTruthy()
    }
  })

  it('zh-CN is really Chinese', () => {
    expect(zhCN.nav.users).toBe('用户管理')
    expect(zhCN.nav.audit).toBe('审计日志')
    expect(zhCN.app.name).toBe('npgov 新污染物治理平台')
  })
})

describe('language choice', () => {
  it('defaults to zh-CN and remembers the switch in localStorage', async () => {
    const store = new Map()
    vi.stubGlobal('localStorage', {
      getItem: (k) => (store.has(k) ? store.get(k) : null),
      setItem: (k, v) => store.set(k, String(v)),
    })
    try {
      const { i18n, setLocale, savedLocale } = await import('../src/i18n.js')
      expect(i18n.global.locale.value).toBe('zh-CN')
      setLocale('en')
      expect(i18n.global.locale.value).toBe('en')
      expect(savedLocale()).toBe('en')
      setLocale('fr') // unsupported: ignored
      expect(i18n.global.locale.value).toBe('en')
      expect(i18n.global.t('nav.users')).toBe('Users')
      setLocale('zh-CN')
      expect(i18n.global.t('nav.users')).toBe('用户管理')
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
