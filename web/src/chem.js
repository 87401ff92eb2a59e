// Pure helpers for the substance and list pages.

/**
 * The server's SVG depiction as a data: URL for an <img>. An <img> never runs scripts
 * or loads sub-resources of the SVG, so server text is never injected into the page.
 */
export function svgDataUrl(svg) {
  if (!svg || typeof svg !== 'string') return ''
  return 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg)
}

/** Element Plus tag type for a measure's action key (bans red, restrictions amber…). */
export function actionTagType(action) {
  const a = String(action || '')
  if (a.startsWith('ban_')) return 'danger'
  if (a.startsWith('restrict') || a.startsWith('import_export')) return 'warning'
  if (a.includes('limit')) return 'primary'
  if (a.includes('control') || a.includes('management') || a.includes('audit')) return 'success'
  return 'info'
}

/** "ban_production_and_processing_use" → "ban production and processing use" (English fallback label). */
export function humanizeKey(key) {
  return String(key || '').replace(/_/g, ' ')
}

/** The localized text of an object with *_zh / *_en fields. */
export function localText(obj, field, locale) {
  if (!obj) return ''
  const zh = obj[`${field}_zh`] || ''
  const en = obj[`${field}_en`] || ''
  return locale === 'en' ? en || zh : zh || en
}

/** Measures of a classification flattened for a timeline, oldest first. */
export function measureTimeline(classification) {
  const out = []
  for (const list of classification?.lists || []) {
    for (const entry of list.entries || []) {
      for (const m of entry.measures || []) {
        out.push({ list, entry, measure: m, date: m.effective_from || list.effective_date || '' })
      }
    }
  }
  return out.sort((a, b) => String(a.date).localeCompare(String(b.date)))
}
