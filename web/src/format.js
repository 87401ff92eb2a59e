const pad = (n) => String(n).padStart(2, '0')

/** "2026-11-29T12:00:00Z" → "2026-11-29 20:00:00" in the browser's time zone. */
export function formatTime(value) {
  if (!value) return ''
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return String(value)
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  )
}

export function formatJson(value) {
  if (value === null || value === undefined) return '—'
  return JSON.stringify(value, null, 2)
}
