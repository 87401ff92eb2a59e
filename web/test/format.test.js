import { describe, expect, it } from 'vitest'
import { formatJson, formatTime } from '../src/format.js'

describe('format', () => {
  it('formats ISO times as local YYYY-MM-DD HH:mm:ss', () => {
    const d = new Date('2026-11-29T12:00:05Z')
    const pad = (n) => String(n).padStart(2, '0')
    const expected = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:05`
    expect(formatTime('2026-11-29T12:00:05Z')).toBe(expected)
  })

  it('leaves empty and invalid values readable', () => {
    expect(formatTime(null)).toBe('')
    expect(formatTime('not a date')).toBe('not a date')
  })

  it('pretty-prints JSON and shows a dash for null', () => {
    expect(formatJson(null)).toBe('—')
    expect(formatJson({ a: 1 })).toBe('{\n  "a": 1\n}')
  })
})
