import { describe, expect, it } from 'vitest'
import {
  LINE_FIELDS,
  activityCode,
  campaignProgress,
  canEdit,
  canSubmit,
  clearLocalDraft,
  countIssues,
  daysBetween,
  draftDecision,
  emptyLine,
  formatTonnes,
  importErrorRows,
  isBlankLine,
  isYes,
  issueRows,
  issuesByLine,
  eventNote,
  lastReturn,
  loadLocalDraft,
  reminderRows,
  resolution,
  resultChartOption,
  resultKeyColumns,
  resultRowLabel,
  reviewActions,
  sameLines,
  saveLocalDraft,
  splitUses,
  statusTagType,
  toCsv,
  toEditable,
} from '../src/survey.js'
import { fileNameFromDisposition } from '../src/api.js'

function memoryStorage() {
  const store = new Map()
  return {
    getItem: (k) => (store.has(k) ? store.get(k) : null),
    setItem: (k, v) => store.set(k, String(v)),
    removeItem: (k) => store.delete(k),
    store,
  }
}

// Issues as the API sends them (GET /survey/submissions/{id}, SaveReport), copied from a real
// answer of the server for a draft with a bad CAS check digit, a bad unit and a large jump.
const apiIssues = [
  {
    severity: 'notice',
    line_no: 1,
    resolved: false,
    error: { code: 'not_found', field: 'cas', reason: 'survey.substance_unknown', message_zh: '物质库中没有“67-56-1”', message_en: 'the substance registry does not know "67-56-1"' },
  },
  {
    severity: 'warning',
    line_no: 1,
    resolved: false,
    error: { code: 'invalid_argument', field: 'reason', reason: 'survey.jump', message_zh: '生产量变化较大', message_en: 'large change' },
  },
  {
    severity: 'error',
    line_no: 2,
    resolved: false,
    error: { code: 'invalid_argument', field: 'cas', reason: 'cas.check_digit', message_zh: 'CAS 号校验位错误', message_en: 'CAS check digit', row: 3 },
  },
  {
    severity: 'error',
    line_no: 2,
    resolved: false,
    error: { code: 'invalid_argument', field: 'unit', reason: 'unit.unknown', message_zh: '无法识别的单位“桶”', message_en: 'unknown unit "桶"', row: 3 },
  },
  {
    severity: 'warning',
    line_no: 3,
    resolved: true,
    error: { code: 'invalid_argument', field: 'reason', reason: 'survey.jump', message_zh: '已说明', message_en: 'explained' },
  },
]

describe('lines as typed', () => {
  it('turns the API entered object into strings for every field, dropping others', () => {
    const line = toEditable({ cas: '50-00-0', quantity: 12.5, unit: null, source_row: 4, extra: 'x' })
    expect(Object.keys(line)).toEqual(LINE_FIELDS)
    expect(line.cas).toBe('50-00-0')
    expect(line.quantity).toBe('12.5')
    expect(line.unit).toBe('')
    expect(line).not.toHaveProperty('source_row')
  })

  it('compares lines field by field', () => {
    const a = [toEditable({ cas: '50-00-0', quantity: '1' })]
    expect(sameLines(a, [toEditable({ cas: '50-00-0', quantity: '1' })])).toBe(true)
    expect(sameLines(a, [toEditable({ cas: '50-00-0', quantity: '1 ' })])).toBe(false)
    expect(sameLines(a, [])).toBe(false)
    expect(sameLines([], [])).toBe(true)
  })

  it('recognises blank lines', () => {
    expect(isBlankLine(emptyLine())).toBe(true)
    expect(isBlankLine({ ...emptyLine(), reason: '  ' })).toBe(true)
    expect(isBlankLine({ ...emptyLine(), name: '苯' })).toBe(false)
  })

  it('reads activities in Chinese or English', () => {
    expect(activityCode('生产')).toBe('produce')
    expect(activityCode(' Export ')).toBe('export')
    expect(activityCode('加工')).toBe('process')
    expect(activityCode('销售')).toBe('')
    expect(activityCode('')).toBe('')
  })

  it('reads yes/no like the server (blank is no)', () => {
    for (const yes of ['是', 'yes', 'Y', '1', 'true']) expect(isYes(yes)).toBe(true)
    for (const no of ['否', 'no', '', null, '0']) expect(isYes(no)).toBe(false)
  })

  it('splits use categories on every separator the survey accepts', () => {
    expect(splitUses('溶剂；稀释剂')).toEqual(['溶剂', '稀释剂'])
    expect(splitUses('a; b,c、d，e')).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(splitUses('')).toEqual([])
  })
})

describe('issues', () => {
  it('groups by line and counts open warnings only', () => {
    const byLine = issuesByLine(apiIssues)
    expect([...byLine.keys()]).toEqual([1, 2, 3])
    expect(byLine.get(2)).toHaveLength(2)
    expect(countIssues(apiIssues)).toEqual({ errors: 2, open_warnings: 1, warnings: 2, notices: 1 })
  })

  it('lists every issue in one table, errors first, in the UI language with the other beside', () => {
    const rows = issueRows(apiIssues, 'zh-CN')
    expect(rows.map((r) => r.severity)).toEqual(['error', 'error', 'warning', 'warning', 'notice'])
    expect(rows[0]).toMatchObject({ line_no: 2, row: 3, field: 'cas', message: 'CAS 号校验位错误', other: 'CAS check digit' })
    expect(rows[2].line_no).toBe(1)
    expect(rows[3]).toMatchObject({ line_no: 3, resolved: true })
    expect(issueRows(apiIssues, 'en')[1].message).toBe('unknown unit "桶"')
  })

  it('says how a substance was identified', () => {
    const byLine = issuesByLine(apiIssues)
    expect(resolution({ substance_id: 7 }, [])).toBe('resolved')
    expect(resolution({ substance_id: null }, byLine.get(1))).toBe('unknown')
    expect(resolution({ substance_id: null }, byLine.get(2))).toBe('invalid')
    expect(resolution(null, [])).toBe('pending')
    expect(resolution({ substance_id: 7 }, [], { stale: true })).toBe('pending')
  })
})

describe('who may do what', () => {
  const ent = { role: 'enterprise', username: 'ent002', enterprise_id: 2 }
  const other = { role: 'enterprise', username: 'ent001', enterprise_id: 1 }
  const county = { role: 'officer', username: 'officer.sc', region_code: '140602' }
  const otherCounty = { role: 'officer', username: 'officer.yx', region_code: '140622' }
  const city = { role: 'officer', username: 'officer', region_code: null }
  const admin = { role: 'admin', username: 'admin', region_code: null }
  const analyst = { role: 'analyst', username: 'analyst', region_code: null }
  const s = (status, extra = {}) => ({ id: 9, enterprise_id: 2, region_code: '140602', status, version: 1, ...extra })

  it('lets an enterprise edit only its own drafts, returned and approved (amendment) submissions', () => {
    expect(canEdit(ent, s('draft'))).toBe(true)
    expect(canEdit(ent, s('returned'))).toBe(true)
    expect(canEdit(ent, s('approved'))).toBe(true)
    expect(canEdit(ent, s('submitted'))).toBe(false)
    expect(canEdit(ent, s('county_reviewed'))).toBe(false)
    expect(canEdit(other, s('draft'))).toBe(false)
    expect(canEdit(analyst, s('draft'))).toBe(false)
    expect(canEdit(city, s('draft'))).toBe(true)
    expect(canSubmit(ent, s('draft'))).toBe(true)
    expect(canSubmit(ent, s('returned'))).toBe(false)
  })

  it('offers the county review to officers of the county or the city, never to others', () => {
    expect(reviewActions(county, s('submitted'))).toEqual({ countyReview: true, approve: false, return: true })
    expect(reviewActions(city, s('submitted'))).toEqual({ countyReview: true, approve: false, return: true })
    expect(reviewActions(otherCounty, s('submitted'))).toEqual({ countyReview: false, approve: false, return: false })
    expect(reviewActions(ent, s('submitted'))).toEqual({ countyReview: false, approve: false, return: false })
    expect(reviewActions(analyst, s('submitted'))).toEqual({ countyReview: false, approve: false, return: false })
  })

  it('offers approval to city reviewers other than the county reviewer', () => {
    const events = [
      { version: 1, action: 'submit', actor: 'ent002' },
      { version: 1, action: 'county_review', actor: 'officer' },
    ]
    expect(reviewActions(county, s('county_reviewed'), events)).toEqual({ countyReview: false, approve: false, return: false })
    expect(reviewActions(city, s('county_reviewed'), events)).toEqual({ countyReview: false, approve: false, return: true })
    expect(reviewActions(admin, s('county_reviewed'), events)).toEqual({ countyReview: false, approve: true, return: true })
    // a county review of an earlier version does not count
    expect(reviewActions(city, s('county_reviewed', { version: 2 }), events).approve).toBe(true)
  })

  it('finds the last return comment', () => {
    const events = [
      { version: 1, action: 'return', actor: 'officer.sc', comment: '单位有误' },
      { version: 2, action: 'return', actor: 'officer', comment: '请补充用途' },
    ]
    expect(lastReturn(events).comment).toBe('请补充用途')
    expect(lastReturn(events, 1).comment).toBe('单位有误')
    expect(lastReturn([], 1)).toBeNull()
  })

  it('reads the notes the server writes on events, leaving reviewers\' words alone', () => {
    // Comments as SurveyService writes them (modules/survey/submissions.cpp).
    expect(eventNote({ action: 'save', comment: '2 lines' })).toEqual({ key: 'survey.notes.lines', params: { n: 2 } })
    expect(eventNote({ action: 'save', comment: '1 lines' }).params.n).toBe(1)
    expect(eventNote({ action: 'upload', comment: '2 lines, file sha256 89077e1af73703163f46284fc08ea8a7cb24816a4648762ef6e09fbfb8554f75' })).toEqual({
      key: 'survey.notes.linesFile',
      params: { n: 2, sha: '89077e1af737' },
    })
    expect(eventNote({ action: 'new_version', comment: 'from version 1 (approved)' })).toEqual({
      key: 'survey.notes.fromVersion',
      params: { n: 1 },
      status: 'approved',
    })
    expect(eventNote({ action: 'return', comment: '2 lines' })).toBeNull()
    expect(eventNote({ action: 'approve', comment: '同意' })).toBeNull()
    expect(eventNote({ action: 'save', comment: '' })).toBeNull()
  })

  it('tags statuses', () => {
    expect(statusTagType('approved')).toBe('success')
    expect(statusTagType('returned')).toBe('danger')
    expect(statusTagType('whatever')).toBe('info')
  })
})

describe('campaign progress and reminders', () => {
  // Shaped like GET /survey/campaigns/{id}/status.
  const report = {
    campaign: { id: 1, year: 2023, deadline: '2024-06-30' },
    as_of: '2024-07-10',
    deadline_passed: true,
    counts: { in_scope: 5, reported: 2, approved: 1, not_reported: 3 },
    obligations: [
      { enterprise: { id: 1 }, submission: { id: 11, status: 'approved' }, reported: true, late: false },
      { enterprise: { id: 2 }, submission: { id: 12, status: 'submitted' }, reported: true, late: true },
      { enterprise: { id: 3 }, submission: { id: 13, status: 'draft' }, reported: false, late: true },
      { enterprise: { id: 4 }, submission: { id: 14, status: 'returned' }, reported: false, late: true },
      { enterprise: { id: 5 }, submission: null, reported: false, late: true },
    ],
    non_reporters: [
      { id: 3, name: 'C', contact_name: '张三', contact_phone: '13800000000' },
      { id: 4, name: 'D', contact_name: '', contact_phone: '' },
      { id: 5, name: 'E, "quoted"', contact_name: '', contact_phone: '' },
    ],
  }

  it('counts submissions per status and enterprises without one', () => {
    expect(campaignProgress(report)).toMatchObject({
      in_scope: 5,
      not_opened: 1,
      draft: 1,
      submitted: 1,
      county_reviewed: 0,
      approved: 1,
      returned: 1,
      reported: 2,
      not_reported: 3,
      late: 4,
    })
  })

  it('counts days past the deadline', () => {
    expect(daysBetween('2024-06-30', '2024-07-10')).toBe(10)
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2) // leap year
    expect(daysBetween('2024-07-10', '2024-06-30')).toBe(-10)
    expect(daysBetween('', '2024-06-30')).toBeNull()
  })

  it('lists the enterprises to remind with their status and days overdue', () => {
    const rows = reminderRows(report)
    expect(rows.map((r) => [r.id, r.status, r.submission_id, r.days_overdue])).toEqual([
      [3, 'draft', 13, 10],
      [4, 'returned', 14, 10],
      [5, '', null, 10],
    ])
    expect(reminderRows({ ...report, deadline_passed: false })[0].days_overdue).toBe(0)
  })

  it('writes CSV with a byte-order mark and quoting', () => {
    const csv = toCsv(reminderRows(report), [
      { key: 'name', label: '企业名称' },
      { key: 'contact_phone', label: '电话' },
      { label: '逾期天数', value: (r) => r.days_overdue },
    ])
    expect(csv.startsWith('\ufeff企业名称,电话,逾期天数\r\n')).toBe(true)
    expect(csv).toContain('C,13800000000,10\r\n')
    expect(csv).toContain('"E, ""quoted""",,10\r\n')
  })
})

describe('local drafts', () => {
  const server = [toEditable({ cas: '50-00-0', activity: '生产', quantity: '10', unit: 't' })]

  it('keeps typed lines and a half-filled form, and reads them back', () => {
    const storage = memoryStorage()
    const typed = [...server, toEditable({ name: '新物质', quantity: '3' })]
    expect(saveLocalDraft(storage, 9, { lines: typed, base: 'h1', form: { index: -1, line: { cas: '71-4' } }, now: '2026-01-01T00:00:00Z' })).toBe(true)
    const back = loadLocalDraft(storage, 9)
    expect(back.lines).toHaveLength(2)
    expect(back.lines[1].name).toBe('新物质')
    expect(back.base).toBe('h1')
    expect(back.form).toEqual({ index: -1, line: { cas: '71-4' } })
    expect(back.saved_at).toBe('2026-01-01T00:00:00Z')
    expect(loadLocalDraft(storage, 10)).toBeNull()
    clearLocalDraft(storage, 9)
    expect(loadLocalDraft(storage, 9)).toBeNull()
  })

  it('ignores unreadable entries and storage failures', () => {
    const storage = memoryStorage()
    storage.setItem('npgov.survey.draft.9', '{not json')
    expect(loadLocalDraft(storage, 9)).toBeNull()
    const full = { setItem: () => { throw new Error('QuotaExceededError') } }
    expect(saveLocalDraft(full, 9, { lines: server, base: 'h' })).toBe(false)
    expect(loadLocalDraft(null, 9)).toBeNull()
  })

  it('restores a draft typed on the same server version and asks when the server moved on', () => {
    const typed = { lines: [...server, toEditable({ name: 'x' })], base: 'h1', form: null }
    expect(draftDecision(null, server, 'h1')).toBe('none')
    expect(draftDecision({ lines: server, base: 'h1', form: null }, server, 'h1')).toBe('none')
    expect(draftDecision({ lines: server, base: 'h1', form: { index: -1, line: {} } }, server, 'h1')).toBe('restore')
    expect(draftDecision(typed, server, 'h1')).toBe('restore')
    expect(draftDecision(typed, server, 'h2')).toBe('conflict')
  })
})

describe('results', () => {
  // Shaped like GET /survey/results?by=substance (values from the demo data).
  const rows = [
    { keys: { cas: '67-56-1', substance_name: '甲醇' }, tonnes: { produce: 200000, import: 0, process: 0, use: 15000, export: 0, emission_air: 1.5, emission_water: 0.2, emission_soil: 0, waste: 3 }, enterprises: 2, lines: 2 },
    { keys: { cas: '71-43-2', substance_name: '苯' }, tonnes: { produce: 1560.15, import: 0, process: 0, use: 0, export: 0, emission_air: 0, emission_water: 0, emission_soil: 0, waste: 0 }, enterprises: 1, lines: 1 },
    { keys: { cas: '1-1-1', substance_name: '' }, tonnes: { produce: 0, import: 0, process: 0, use: 0, export: 0 }, enterprises: 0, lines: 0 },
  ]
  const labels = { produce: '生产量', import: '进口量', process: '加工量', use: '使用量', export: '出口量', axis: '吨' }

  it('names the key columns of each grouping', () => {
    expect(resultKeyColumns(['substance']).map((c) => c.key)).toEqual(['cas', 'substance_name'])
    expect(resultKeyColumns(['substance', 'county']).map((c) => c.key)).toEqual(['cas', 'substance_name', 'region_code', 'region_name'])
    expect(resultKeyColumns(['year']).map((c) => c.key)).toEqual(['year'])
    expect(resultKeyColumns(['list_entry']).map((c) => c.key)).toEqual(['entry', 'entry_name'])
  })

  it('labels rows by name, falling back to codes', () => {
    expect(resultRowLabel(rows[0], ['substance'])).toBe('甲醇')
    expect(resultRowLabel(rows[2], ['substance'])).toBe('1-1-1')
    expect(resultRowLabel({ keys: { entry: 'PC006', entry_name: '二氯甲烷' } }, ['list_entry'])).toBe('PC006 二氯甲烷')
    expect(resultRowLabel({ keys: { year: 2023 } }, ['year'])).toBe('2023')
    expect(resultRowLabel({ keys: { cas: '50-00-0', substance_name: '甲醛', region_code: '140602', region_name: '朔城区' } }, ['substance', 'county'])).toBe('甲醛 · 朔城区')
  })

  it('charts the activities of the largest rows side by side, largest on top, leaving out empty rows and series', () => {
    const option = resultChartOption(rows, ['substance'], ['produce', 'import', 'process', 'use', 'export'], labels)
    expect(option.yAxis.data).toEqual(['苯', '甲醇'])
    expect(option.series.map((s) => s.name)).toEqual(['生产量', '使用量'])
    expect(option.series[0].data).toEqual([1560.15, 200000])
    expect(option.series[1].data).toEqual([0, 15000])
    expect(option.series.every((s) => s.type === 'bar' && s.stack === undefined)).toBe(true)
    expect(option.legend.data).toEqual(['生产量', '使用量'])
  })

  it('draws a log axis with gaps for zeros on request', () => {
    const option = resultChartOption(rows, ['substance'], ['produce', 'use'], labels, { log: true })
    expect(option.xAxis.type).toBe('log')
    expect(option.series[0].data).toEqual([1560.15, 200000])
    expect(option.series[1].data).toEqual([null, 15000])
    expect(resultChartOption(rows, ['substance'], ['produce'], labels).xAxis.type).toBe('value')
  })

  it('keeps only the largest rows', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ keys: { cas: `c${i}` }, tonnes: { produce: i + 1 } }))
    const option = resultChartOption(many, ['substance'], ['produce'], labels, { limit: 5 })
    expect(option.yAxis.data).toEqual(['c25', 'c26', 'c27', 'c28', 'c29'])
  })

  it('has no series when nothing is above zero', () => {
    expect(resultChartOption(rows.slice(2), ['substance'], ['produce'], labels).series).toEqual([])
  })

  it('formats tonnes', () => {
    expect(formatTonnes(56680.93764)).toBe('56,680.94')
    expect(formatTonnes(0)).toBe('0')
    expect(formatTonnes(0.0012345)).toBe('0.00123')
    expect(formatTonnes(null)).toBe('—')
  })
})

describe('enterprise import errors', () => {
  it('lists row errors by row in the UI language', () => {
    // Shaped like the report of a 400 from POST /enterprises/import.
    const report = {
      errors: [
        { field: 'uscc', reason: 'uscc.length', message_zh: '统一社会信用代码应为 18 位', message_en: 'a USCC has 18 characters', row: 3 },
        { field: 'uscc', reason: 'uscc.check_char', message_zh: '校验码应为 M', message_en: 'check character should be M', row: 2 },
      ],
    }
    expect(importErrorRows(report).map((r) => [r.row, r.message])).toEqual([
      [2, '校验码应为 M'],
      [3, '统一社会信用代码应为 18 位'],
    ])
    expect(importErrorRows(report, 'en')[0].message).toBe('check character should be M')
    expect(importErrorRows(null)).toEqual([])
  })
})

describe('downloads', () => {
  it('takes the UTF-8 file name of Content-Disposition (RFC 6266/5987)', () => {
    const header = `attachment; filename="npgov-export.xlsx"; filename*=UTF-8''%E8%B0%83%E6%9F%A5%E7%BB%93%E6%9E%9C.xlsx`
    expect(fileNameFromDisposition(header)).toBe('调查结果.xlsx')
    expect(fileNameFromDisposition('attachment; filename="a.csv"')).toBe('a.csv')
    expect(fileNameFromDisposition('attachment; filename=b.csv')).toBe('b.csv')
    expect(fileNameFromDisposition(null, 'x')).toBe('x')
  })
})
