import { describe, expect, it } from 'vitest'
import { detectionBars, fiveNumbers, seriesChartOption, siteScatterSeries, splitDetects } from '../src/monitoring.js'

const points = [
  { date: '2025-01-10', time: '', censored: false, qualifier: '=', value: 2.5, limit: 0.5 },
  { date: '2025-02-10', time: '09:30', censored: true, qualifier: '<', value: null, limit: 0.5 },
  { date: '2025-03-10', time: '', censored: true, qualifier: 'ND', value: null, limit: null },
  { date: '2025-04-10', time: '', censored: false, qualifier: '=', value: 3, limit: 0.5 },
]

describe('monitoring series', () => {
  it('splits detects from non-detects, drawing non-detects at their limit', () => {
    const { detects, nondetects } = splitDetects(points)
    expect(detects.map((d) => d.value)).toEqual([['2025-01-10', 2.5], ['2025-04-10', 3]])
    expect(nondetects.map((d) => d.value)).toEqual([['2025-02-10T09:30', 0.5]])
  })

  it('uses filled markers for detects and hollow ones for non-detects', () => {
    const labels = { detect: '检出', nondetect: '未检出', date: '日期', value: '浓度' }
    const option = seriesChartOption(points, 'ng/L', labels)
    expect(option.series[0]).toMatchObject({ name: '检出', symbol: 'circle' })
    expect(option.series[1]).toMatchObject({ name: '未检出', symbol: 'emptyCircle' })
    expect(option.legend.data).toEqual(['检出', '未检出'])
    expect(option.yAxis.name).toBe('浓度 (ng/L)')
  })
})

describe('statistics helpers', () => {
  it('computes the five numbers of a box plot', () => {
    expect(fiveNumbers([5, 1, 3, 2, 4])).toEqual([1, 2, 3, 4, 5])
    expect(fiveNumbers([])).toBeNull()
    expect(fiveNumbers([null, NaN, 7])).toEqual([7, 7, 7, 7, 7])
  })

  it('turns detection frequencies into percentages', () => {
    const bars = detectionBars([
      { cas: '335-67-1', substance_name: 'PFOA', detection: { frequency: 0.8333 } },
      { cas: '1763-23-1', substance_name: '', detection: { frequency: null } },
    ])
    expect(bars).toEqual({ names: ['PFOA', '1763-23-1'], values: [83.3, null] })
  })

  it('groups sites by type and skips those without coordinates', () => {
    const series = siteScatterSeries([
      { id: 1, name: 'A', site_type: 'river_section', site_type_zh: '河流断面', longitude: 112.4, latitude: 39.3 },
      { id: 2, name: 'B', site_type: 'groundwater_well', site_type_zh: '地下水井', longitude: 112.5, latitude: 39.4 },
      { id: 3, name: 'C', site_type: 'river_section', site_type_zh: '河流断面', longitude: 112.6, latitude: 39.5 },
      { id: 4, name: 'D', site_type: 'river_section', site_type_zh: '河流断面', longitude: null, latitude: null },
    ])
    expect(series.map((s) => [s.name, s.data.length])).toEqual([['河流断面', 2], ['地下水井', 1]])
    expect(series[0].data[0].value).toEqual([112.4, 39.3])
  })
})
