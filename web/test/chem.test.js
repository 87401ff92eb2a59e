import { describe, expect, it } from 'vitest'
import { actionTagType, localText, measureTimeline, svgDataUrl } from '../src/chem.js'

describe('chemistry helpers', () => {
  it('encodes SVG as a data URL (never raw markup)', () => {
    const url = svgDataUrl('<svg onload="x()"><text>#&</text></svg>')
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true)
    expect(url).not.toContain('<')
    expect(decodeURIComponent(url.split(',')[1])).toBe('<svg onload="x()"><text>#&</text></svg>')
    expect(svgDataUrl(null)).toBe('')
  })

  it('colours actions by severity', () => {
    expect(actionTagType('ban_production')).toBe('danger')
    expect(actionTagType('restrict_use')).toBe('warning')
    expect(actionTagType('product_content_limit')).toBe('primary')
    expect(actionTagType('monitoring_and_disclosure')).toBe('info')
  })

  it('picks the localized text with fallback', () => {
    expect(localText({ name_zh: '全氟辛酸', name_en: 'PFOA' }, 'name', 'en')).toBe('PFOA')
    expect(localText({ name_zh: '全氟辛酸', name_en: '' }, 'name', 'en')).toBe('全氟辛酸')
    expect(localText({ name_zh: '全氟辛酸', name_en: 'PFOA' }, 'name', 'zh-CN')).toBe('全氟辛酸')
  })

  it('orders measures by effective date', () => {
    const c = {
      lists: [
        {
          list_id: 'a',
          effective_date: '2023-03-01',
          entries: [{ key: '1', measures: [{ action: 'x', effective_from: '2025-01-01' }, { action: 'y', effective_from: '2023-03-01' }] }],
        },
      ],
    }
    expect(measureTimeline(c).map((m) => m.measure.action)).toEqual(['y', 'x'])
  })
})
