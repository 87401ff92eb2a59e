// Pure helpers of the screening and assessment pages: number formatting, score cells, action
// category colours, and the ECharts options of the SSD curve, the fate compartments and the risk
// quotients. No Vue, no API: unit-tested in web/test/assessment.test.js.

export const DIMENSIONS = ['hazard', 'volume', 'detection', 'dispersive_use']

export const CATEGORIES = ['manage', 'monitor', 'assess_hazard', 'improve_analytics', 'collect_data', 'low_priority']

/** Up to four significant digits; '—' for anything that is not a finite number. */
export function fmt(value, digits = 4) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—'
  const abs = Math.abs(value)
  if (abs !== 0 && (abs >= 1e6 || abs < 1e-4)) return value.toExponential(2)
  if (abs >= 1000) return Math.round(value).toString()
  return Number(value.toPrecision(digits)).toString()
}

/** Element Plus tag type of an action category (manage first, low priority last). */
export function categoryTagType(category) {
  switch (category) {
    case 'manage':
      return 'danger'
    case 'monitor':
    case 'assess_hazard':
      return 'warning'
    case 'improve_analytics':
    case 'collect_data':
      return 'info'
    case 'low_priority':
      return 'success'
    default:
      return 'info'
  }
}

/**
 * The cell of one dimension in the ranked table: the score from the data (or none), whether a
 * blocking gap makes the ranking use the gap fill, and a colour by score.
 */
export function scoreCell(dimension) {
  if (!dimension) return { text: '—', score: null, gap: false, level: 'none', ranking: 0 }
  const score = typeof dimension.score === 'number' ? dimension.score : null
  const level = score === null ? 'none' : score >= 0.7 ? 'high' : score >= 0.4 ? 'medium' : 'low'
  return {
    text: score === null ? '—' : score.toFixed(2),
    score,
    gap: !!dimension.data_gap,
    level,
    ranking: dimension.ranking_score ?? 0,
  }
}

/** Criteria of a run by id, for the evidence dialog. */
export function criteriaById(criteria) {
  const out = {}
  for (const c of criteria || []) out[c.id] = c
  return out
}

/** Text in the page language from a {zh, en} pair (or an object with _zh/_en fields). */
export function pick(pair, locale, key = '') {
  if (!pair) return ''
  const zh = key ? pair[`${key}_zh`] : pair.zh
  const en = key ? pair[`${key}_en`] : pair.en
  return locale && locale.startsWith('zh') ? zh || en || '' : en || zh || ''
}

/** Element Plus tag type of a risk-quotient band id. */
export function bandTagType(bandId) {
  if (!bandId) return 'info'
  if (/very_high|veryhigh/.test(bandId)) return 'danger'
  if (/high/.test(bandId)) return 'danger'
  if (/medium|moderate/.test(bandId)) return 'warning'
  return 'success'
}

/**
 * The SSD chart: species points at (log10 concentration, % affected by Hazen position), the
 * fitted log-normal curve, its two-sided confidence band and the HC5 with its interval.
 * Concentrations in μg/L on a log axis (values passed as log10 and labelled back).
 */
export function ssdChartOption(ssd, labels) {
  if (!ssd || !ssd.points) return null
  const points = ssd.points.map((p) => ({
    name: p.species,
    value: [p.log10_value, p.plotting_position * 100],
    group: p.taxon_group,
    conc: p.value_ug_per_l,
  }))
  const curve = (ssd.curve || []).map((c) => [c.log10_fitted, c.fraction * 100])
  const lower = (ssd.curve || []).map((c) => [c.log10_lower, c.fraction * 100])
  const upper = (ssd.curve || []).map((c) => [c.log10_upper, c.fraction * 100])
  const series = [
    {
      name: labels.species,
      type: 'scatter',
      symbolSize: 9,
      data: points,
      itemStyle: { color: '#1f7a4d' },
      tooltip: {
        formatter: (p) => `${p.data.name}<br/>${p.data.group}<br/>${fmt(p.data.conc)} μg/L · ${fmt(p.value[1], 3)}%`,
      },
    },
    { name: labels.fitted, type: 'line', data: curve, showSymbol: false, smooth: true, lineStyle: { width: 2, color: '#409eff' } },
    {
      name: labels.interval,
      type: 'line',
      data: lower,
      showSymbol: false,
      smooth: true,
      lineStyle: { width: 1, type: 'dashed', color: '#a0cfff' },
    },
    {
      name: labels.interval,
      type: 'line',
      data: upper,
      showSymbol: false,
      smooth: true,
      lineStyle: { width: 1, type: 'dashed', color: '#a0cfff' },
    },
  ]
  const hc5 = ssd.hc5
  if (hc5 && typeof hc5.median === 'number' && hc5.median > 0) {
    const x = Math.log10(hc5.median)
    const interval = []
    if (typeof hc5.lower === 'number' && typeof hc5.upper === 'number' && hc5.lower > 0 && hc5.upper > 0) {
      interval.push([Math.log10(hc5.lower), 5], [Math.log10(hc5.upper), 5])
    }
    series.push({
      name: labels.hc5,
      type: 'scatter',
      symbol: 'diamond',
      symbolSize: 16,
      itemStyle: { color: '#f56c6c' },
      data: [{ name: 'HC5', value: [x, 5] }],
      label: { show: true, position: 'right', formatter: () => `HC5 ${fmt(hc5.median)} μg/L` },
      tooltip: {
        formatter: () =>
          `HC5 ${fmt(hc5.median)} μg/L` +
          (interval.length ? `<br/>${labels.interval}: ${fmt(hc5.lower)}–${fmt(hc5.upper)} μg/L` : ''),
      },
    })
    if (interval.length) {
      series.push({
        name: labels.hc5,
        type: 'line',
        data: interval,
        symbol: 'line',
        lineStyle: { width: 3, color: '#f56c6c' },
        tooltip: { show: false },
      })
    }
  }
  return {
    tooltip: { trigger: 'item' },
    legend: { top: 0, data: [labels.species, labels.fitted, labels.interval, labels.hc5] },
    grid: { left: 60, right: 30, top: 40, bottom: 50 },
    xAxis: {
      type: 'value',
      name: labels.concentration,
      nameLocation: 'middle',
      nameGap: 30,
      scale: true,
      axisLabel: { formatter: (v) => fmt(10 ** v, 2) },
    },
    yAxis: { type: 'value', name: labels.affected, min: 0, max: 100 },
    series,
  }
}

/** Amounts (kg) and shares (%) per compartment of a Level III result. */
export function compartmentData(result, names = {}) {
  if (!result || !result.compartments) return []
  return result.compartments.map((c) => ({
    compartment: c.compartment,
    name: names[c.compartment] || c.compartment,
    amount: c.amount_kg,
    percent: c.percent,
    pec: c.pec,
    pecUnit: c.pec_unit,
  }))
}

export function compartmentBarOption(rows, labels) {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 70, right: 20, top: 30, bottom: 30 },
    xAxis: { type: 'category', data: rows.map((r) => r.name) },
    yAxis: { type: 'value', name: labels.amount },
    series: [{ name: labels.amount, type: 'bar', data: rows.map((r) => r.amount), itemStyle: { color: '#1f7a4d' } }],
  }
}

export function compartmentPieOption(rows, labels) {
  return {
    tooltip: { trigger: 'item', formatter: (p) => `${p.name}: ${fmt(p.value, 3)}%` },
    legend: { bottom: 0 },
    series: [
      {
        name: labels.percent,
        type: 'pie',
        radius: ['35%', '65%'],
        label: { formatter: (p) => `${p.name} ${fmt(p.value, 3)}%` },
        data: rows.map((r) => ({ name: r.name, value: r.percent })),
      },
    ],
  }
}

/** Risk quotients on a log axis with the threshold RQ = 1 marked. */
export function quotientOption(quotients, labels) {
  const rows = (quotients || []).filter((q) => typeof q.rq === 'number' && q.rq > 0)
  return {
    tooltip: { trigger: 'item', formatter: (p) => `RQ ${fmt(p.value[0], 3)}` },
    grid: { left: 90, right: 40, top: 20, bottom: 40 },
    xAxis: { type: 'log', name: 'RQ', min: (v) => Math.min(0.01, v.min / 2), max: (v) => Math.max(10, v.max * 2) },
    yAxis: { type: 'category', data: rows.map((q) => `${q.exposure}/PNEC`) },
    // Points, not bars: on a log axis a bar would run from an arbitrary base.
    series: [
      {
        name: 'RQ',
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 18,
        data: rows.map((q, i) => ({ value: [q.rq, i], itemStyle: { color: q.rq >= 1 ? '#f56c6c' : q.rq >= 0.1 ? '#e6a23c' : '#67c23a' } })),
        label: { show: true, position: 'right', formatter: (p) => fmt(p.value[0], 3) },
        markLine: { symbol: 'none', data: [{ xAxis: 1, name: labels.threshold }], lineStyle: { color: '#303133', type: 'dashed' } },
      },
    ],
  }
}

/** Per-site exceedance frequencies (lower bound and with unknowns) for a bar chart. */
export function exceedanceOption(sites, labels) {
  const rows = (sites || []).filter((s) => s.exceedance)
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 20, top: 30, bottom: 60 },
    xAxis: { type: 'category', data: rows.map((s) => s.code), axisLabel: { rotate: 30, interval: 0 } },
    yAxis: { type: 'value', max: 100, name: '%' },
    series: [
      { name: labels.exceeding, type: 'bar', stack: 'f', data: rows.map((s) => +(s.exceedance.frequency * 100).toFixed(1)), itemStyle: { color: '#f56c6c' } },
      {
        name: labels.unknown,
        type: 'bar',
        stack: 'f',
        data: rows.map((s) => +((s.exceedance.frequency_upper - s.exceedance.frequency) * 100).toFixed(1)),
        itemStyle: { color: '#e6a23c' },
      },
    ],
  }
}

/** The run's progress as a percentage (phases done of total). */
export function runPercent(run) {
  if (!run) return 0
  if (run.status === 'complete') return 100
  const total = run.progress?.total || 0
  return total ? Math.min(99, Math.round((100 * (run.progress.done || 0)) / total)) : 0
}
