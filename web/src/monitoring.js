// Pure helpers that turn monitoring API answers into ECharts options.

const TYPE_COLORS = ['#409eff', '#67c23a', '#e6a23c', '#f56c6c', '#909399', '#9b59b6', '#16a085', '#d35400']

/** Sites grouped by type → one scatter series per type, [lon, lat] points; sites without coordinates are skipped. */
export function siteScatterSeries(sites, typeLabel = (s) => s.site_type_zh || s.site_type) {
  const groups = new Map()
  for (const s of sites || []) {
    if (s.longitude == null || s.latitude == null) continue
    const name = typeLabel(s)
    if (!groups.has(name)) groups.set(name, [])
    groups.get(name).push({ value: [s.longitude, s.latitude], name: s.name, id: s.id, code: s.code })
  }
  return [...groups.entries()].map(([name, data], i) => ({
    name,
    type: 'scatter',
    symbolSize: 12,
    itemStyle: { color: TYPE_COLORS[i % TYPE_COLORS.length] },
    data,
  }))
}

/**
 * A series' points → two scatter data sets: detects (filled, at their value) and
 * non-detects (hollow, drawn at their detection/reporting limit).
 */
export function splitDetects(points) {
  const detects = []
  const nondetects = []
  for (const p of points || []) {
    const x = p.time ? `${p.date}T${p.time}` : p.date
    if (p.censored) {
      if (p.limit != null) nondetects.push({ value: [x, p.limit], qualifier: p.qualifier })
    } else if (p.value != null) {
      detects.push({ value: [x, p.value], qualifier: p.qualifier })
    }
  }
  return { detects, nondetects }
}

/** The time-series chart option; `labels` = { detect, nondetect, date, value } already translated. */
export function seriesChartOption(points, unit, labels) {
  const { detects, nondetects } = splitDetects(points)
  const color = '#409eff'
  return {
    tooltip: { trigger: 'item' },
    legend: { top: 0, data: [labels.detect, labels.nondetect] },
    grid: { left: 60, right: 30, top: 40, bottom: 40 },
    xAxis: { type: 'time', name: labels.date },
    yAxis: { type: 'value', name: unit ? `${labels.value} (${unit})` : labels.value, scale: true },
    series: [
      {
        name: labels.detect,
        type: 'scatter',
        symbol: 'circle',
        symbolSize: 9,
        itemStyle: { color },
        data: detects,
      },
      {
        name: labels.nondetect,
        type: 'scatter',
        symbol: 'emptyCircle',
        symbolSize: 9,
        itemStyle: { color, borderColor: color, borderWidth: 1.5 },
        data: nondetects,
      },
    ],
  }
}

function quantile(sorted, q) {
  if (!sorted.length) return NaN
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo)
}

/** [min, Q1, median, Q3, max] of numbers (ECharts boxplot data), or null when empty. */
export function fiveNumbers(values) {
  const sorted = (values || []).filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b)
  if (!sorted.length) return null
  return [sorted[0], quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75), sorted[sorted.length - 1]]
}

/** Detection frequency per substance (summary items) as bar-chart categories and percentages. */
export function detectionBars(summaryItems) {
  const names = []
  const values = []
  for (const g of summaryItems || []) {
    names.push(g.substance_name || g.cas)
    const f = g.detection?.frequency
    values.push(f == null ? null : Math.round(f * 1000) / 10)
  }
  return { names, values }
}
