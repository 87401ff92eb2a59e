import { describe, expect, it } from 'vitest'
import {
  bandTagType,
  categoryTagType,
  compartmentData,
  criteriaById,
  exceedanceOption,
  fmt,
  pick,
  quotientOption,
  runPercent,
  scoreCell,
  ssdChartOption,
} from '../src/assessment.js'

describe('numbers and cells', () => {
  it('formats with four significant digits and marks missing values', () => {
    expect(fmt(0.012345)).toBe('0.01235')
    expect(fmt(1582.09)).toBe('1582')
    expect(fmt(2.5e-7)).toBe('2.50e-7')
    expect(fmt(null)).toBe('—')
    expect(fmt(NaN)).toBe('—')
  })

  it('keeps a data gap visible even when the dimension has a score', () => {
    expect(scoreCell({ score: 0.8, ranking_score: 0.8, data_gap: false })).toMatchObject({ text: '0.80', level: 'high', gap: false })
    expect(scoreCell({ score: null, ranking_score: 0.5, data_gap: true })).toMatchObject({ text: '—', level: 'none', gap: true, ranking: 0.5 })
    expect(scoreCell({ score: 0.2, ranking_score: 0.5, data_gap: true })).toMatchObject({ level: 'low', gap: true })
  })

  it('colours categories and bands', () => {
    expect(categoryTagType('manage')).toBe('danger')
    expect(categoryTagType('low_priority')).toBe('success')
    expect(bandTagType('very_high')).toBe('danger')
    expect(bandTagType('low')).toBe('success')
  })

  it('picks the page language with a fallback', () => {
    expect(pick({ zh: '高', en: 'high' }, 'zh-CN')).toBe('高')
    expect(pick({ zh: '', en: 'high' }, 'zh-CN')).toBe('high')
    expect(pick({ adopted_zh: '取低值', adopted_en: 'lower' }, 'en', 'adopted')).toBe('lower')
    expect(criteriaById([{ id: 'B', en: 'BCF > 2000' }]).B.en).toBe('BCF > 2000')
  })
})

describe('charts', () => {
  const labels = { species: 'species', fitted: 'fit', interval: 'CI', hc5: 'HC5', concentration: 'μg/L', affected: '%' }
  const ssd = {
    points: [
      { species: 'A', taxon_group: 'fish', value_ug_per_l: 10, log10_value: 1, plotting_position: 0.25 },
      { species: 'B', taxon_group: 'algae', value_ug_per_l: 100, log10_value: 2, plotting_position: 0.75 },
    ],
    curve: [{ fraction: 0.05, log10_fitted: 0.5, log10_lower: 0.2, log10_upper: 0.8 }],
    hc5: { median: 3.16, lower: 1.5, upper: 6.3 },
  }

  it('draws species at their Hazen position and the HC5 at 5 %', () => {
    const option = ssdChartOption(ssd, labels)
    expect(option.series[0].data.map((d) => d.value)).toEqual([[1, 25], [2, 75]])
    expect(option.series[1].data).toEqual([[0.5, 5]])
    const hc5 = option.series.find((s) => s.name === 'HC5' && s.type === 'scatter')
    expect(hc5.data[0].value[0]).toBeCloseTo(Math.log10(3.16), 12)
    expect(hc5.data[0].value[1]).toBe(5)
    expect(option.xAxis.axisLabel.formatter(2)).toBe('100')
    expect(ssdChartOption(null, labels)).toBeNull()
  })

  it('lists compartments with amounts and shares', () => {
    const rows = compartmentData({ compartments: [{ compartment: 'water', amount_kg: 12, percent: 60, pec: 5, pec_unit: 'ng/L' }] }, { water: '水' })
    expect(rows).toEqual([{ compartment: 'water', name: '水', amount: 12, percent: 60, pec: 5, pecUnit: 'ng/L' }])
  })

  it('colours quotients by the threshold and marks RQ = 1', () => {
    const option = quotientOption([{ exposure: 'MEC', rq: 2.5 }, { exposure: 'PEC', rq: 0.05 }, { exposure: 'X', rq: null }], { threshold: 'RQ = 1' })
    expect(option.yAxis.data).toEqual(['MEC/PNEC', 'PEC/PNEC'])
    expect(option.series[0].data[0].value).toEqual([2.5, 0])
    expect(option.series[0].data[0].itemStyle.color).toBe('#f56c6c')
    expect(option.series[0].data[1].itemStyle.color).toBe('#67c23a')
    expect(option.series[0].markLine.data[0].xAxis).toBe(1)
  })

  it('stacks exceedance and unknowns per site', () => {
    const option = exceedanceOption([{ code: 'R1', exceedance: { frequency: 0.25, frequency_upper: 0.5 } }, { code: 'R2', exceedance: null }], {
      exceeding: 'exceeding',
      unknown: 'unknown',
    })
    expect(option.xAxis.data).toEqual(['R1'])
    expect(option.series[0].data).toEqual([25])
    expect(option.series[1].data).toEqual([25])
  })

  it('reports run progress', () => {
    expect(runPercent({ status: 'running', progress: { done: 3, total: 6 } })).toBe(50)
    expect(runPercent({ status: 'complete', progress: { done: 6, total: 6 } })).toBe(100)
  })
})
