// Pure helpers for the chemical information survey pages (化学物质环境信息调查): lines as typed,
// issues, the review workflow by role, campaign progress, reminders, local drafts and results
// charts. No Vue, no network: everything here is unit-tested in web/test/survey.test.js.

/** The fields of a line as typed (the API's `entered` object and the save body's lines). */
export const LINE_FIELDS = [
  'cas',
  'name',
  'activity',
  'quantity',
  'unit',
  'uses',
  'emission_air',
  'emission_water',
  'emission_soil',
  'waste',
  'confidential',
  'reason',
]

/** Emission and waste fields, required on produce/process/use lines in the detailed tier. */
export const EMISSION_FIELDS = ['emission_air', 'emission_water', 'emission_soil', 'waste']

/** Activities: the API's code and the Chinese name that templates and the form store. */
export const ACTIVITIES = [
  { code: 'produce', zh: '生产' },
  { code: 'import', zh: '进口' },
  { code: 'process', zh: '加工' },
  { code: 'use', zh: '使用' },
  { code: 'export', zh: '出口' },
]

/** Mass units the survey accepts (line_rules.hpp); others may still be typed. */
export const UNITS = ['t', 'kg', 'g', '吨', '千克', '克']

export const STATUSES = ['draft', 'submitted', 'county_reviewed', 'approved', 'returned', 'superseded']

const STATUS_TAG = {
  draft: 'info',
  submitted: 'warning',
  county_reviewed: 'primary',
  approved: 'success',
  returned: 'danger',
  superseded: 'info',
}

/** Element Plus tag type of a submission status. */
export function statusTagType(status) {
  return STATUS_TAG[status] || 'info'
}

export function emptyLine() {
  return Object.fromEntries(LINE_FIELDS.map((f) => [f, '']))
}

/** A line as typed, every field a string (missing ones blank); other keys dropped. */
export function toEditable(entered) {
  const line = emptyLine()
  for (const f of LINE_FIELDS) {
    const v = entered?.[f]
    line[f] = v === null || v === undefined ? '' : String(v)
  }
  return line
}

/** True if two lists of typed lines hold the same text (what the server would hash). */
export function sameLines(a, b) {
  if ((a?.length || 0) !== (b?.length || 0)) return false
  for (let i = 0; i < a.length; i++) {
    for (const f of LINE_FIELDS) if ((a[i]?.[f] ?? '') !== (b[i]?.[f] ?? '')) return false
  }
  return true
}

/** True if a line has nothing typed in it. */
export function isBlankLine(line) {
  return LINE_FIELDS.every((f) => !String(line?.[f] ?? '').trim())
}

/** "生产" or "produce" (any case, surrounding blanks) → "produce"; unknown text → ''. */
export function activityCode(text) {
  const s = String(text ?? '').trim().toLowerCase()
  if (!s) return ''
  const hit = ACTIVITIES.find((a) => a.code === s || a.zh === s)
  return hit ? hit.code : ''
}

/** The Chinese name the form stores for an activity code ('' if unknown). */
export function activityZh(code) {
  return ACTIVITIES.find((a) => a.code === code)?.zh || ''
}

/** 是/yes/y/1/true → true; anything else (blank included) → false. Matches ParseYesNo's "yes" set. */
export function isYes(text) {
  return ['是', 'yes', 'y', '1', 'true'].includes(String(text ?? '').trim().toLowerCase())
}

/** Use categories as typed ("溶剂；稀释剂", "a, b", "a、b") → ['溶剂', '稀释剂']. */
export function splitUses(text) {
  return String(text ?? '')
    .split(/[;；、,，]/)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** Issues grouped by line number (0 = the whole submission). */
export function issuesByLine(issues) {
  const map = new Map()
  for (const issue of issues || []) {
    const n = issue.line_no || 0
    if (!map.has(n)) map.set(n, [])
    map.get(n).push(issue)
  }
  return map
}

/** Errors, open warnings (warnings without a reason) and notices among issues. */
export function countIssues(issues) {
  const counts = { errors: 0, open_warnings: 0, warnings: 0, notices: 0 }
  for (const i of issues || []) {
    if (i.severity === 'error') counts.errors++
    else if (i.severity === 'warning') {
      counts.warnings++
      if (!i.resolved) counts.open_warnings++
    } else counts.notices++
  }
  return counts
}

const SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 }

/**
 * Issues as rows of one table, errors first, then by line: {severity, line_no, row, field,
 * reason, resolved, message, other} where `message` is in the UI language and `other` in the other.
 */
export function issueRows(issues, locale = 'zh-CN') {
  const zh = !locale || locale.startsWith('zh')
  return (issues || [])
    .map((i, index) => {
      const e = i.error || {}
      const mzh = e.message_zh || e.message_en || ''
      const men = e.message_en || e.message_zh || ''
      return {
        index,
        severity: i.severity,
        line_no: i.line_no || 0,
        row: e.row || 0,
        field: e.field || '',
        reason: e.reason || '',
        resolved: !!i.resolved,
        message: zh ? mzh : men,
        other: zh ? men : mzh,
      }
    })
    .sort(
      (a, b) =>
        (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3) ||
        a.line_no - b.line_no ||
        a.index - b.index,
    )
}

/**
 * How a line's substance was understood: 'resolved' (the registry knows it), 'unknown' (kept and
 * flagged for the bureau), 'invalid' (identity error, e.g. a CAS check digit), or 'pending'
 * (edited since the last check). `line` is the API's line (substance_id) or null.
 */
export function resolution(line, issues, { stale = false } = {}) {
  if (stale || !line) return 'pending'
  const list = issues || []
  if (list.some((i) => i.severity === 'error' && ['cas', 'name'].includes(i.error?.field))) return 'invalid'
  if (line.substance_id !== null && line.substance_id !== undefined) return 'resolved'
  return 'unknown'
}

/** Whether `user` may change the lines of `submission` (a new version starts after approval or return). */
export function canEdit(user, submission) {
  if (!user || !submission) return false
  if (!['admin', 'officer', 'enterprise'].includes(user.role)) return false
  if (user.role === 'enterprise' && user.enterprise_id !== submission.enterprise_id) return false
  return ['draft', 'returned', 'approved'].includes(submission.status)
}

/** Whether `user` may submit it (its own draft for an enterprise; officers on its behalf). */
export function canSubmit(user, submission) {
  return canEdit(user, submission) && submission.status === 'draft'
}

/** Who did the county review of the submission's current version (from the events), or ''. */
export function countyReviewer(events, version) {
  let actor = ''
  for (const e of events || []) if (e.action === 'county_review' && e.version === version) actor = e.actor
  return actor
}

/**
 * The review buttons `user` sees on `submission` (SurveyService's rules): county officers review
 * their own county's submitted reports, city officers (no county) too; only city officers approve,
 * never what they reviewed themselves; returning is for either before the county review and for
 * the city after it.
 */
export function reviewActions(user, submission, events = []) {
  const none = { countyReview: false, approve: false, return: false }
  if (!user || !submission || !['admin', 'officer'].includes(user.role)) return none
  const county = user.region_code || null
  const ownCounty = !county || county === submission.region_code
  if (submission.status === 'submitted') {
    return { countyReview: ownCounty, approve: false, return: ownCounty }
  }
  if (submission.status === 'county_reviewed') {
    const city = !county
    return {
      countyReview: false,
      approve: city && countyReviewer(events, submission.version) !== user.username,
      return: city,
    }
  }
  return none
}

/**
 * The notes the server writes on save, upload and new-version events ("12 lines", "12 lines, file
 * sha256 …", "from version 1 (approved)") as an i18n key and parameters; null for a reviewer's
 * own words, which are shown as written.
 */
export function eventNote(event) {
  const c = String(event?.comment || '')
  let m = /^(\d+) lines?(?:, file sha256 ([0-9a-f]{8,64}))?$/.exec(c)
  if (m && ['save', 'upload'].includes(event.action)) {
    return m[2]
      ? { key: 'survey.notes.linesFile', params: { n: Number(m[1]), sha: m[2].slice(0, 12) } }
      : { key: 'survey.notes.lines', params: { n: Number(m[1]) } }
  }
  m = /^from version (\d+) \((\w+)\)$/.exec(c)
  if (m && event.action === 'new_version') return { key: 'survey.notes.fromVersion', params: { n: Number(m[1]) }, status: m[2] }
  return null
}

/** The comment of the latest return of the current version, or null. */
export function lastReturn(events, version) {
  let found = null
  for (const e of events || []) if (e.action === 'return' && (version === undefined || e.version === version)) found = e
  return found
}

/**
 * Progress of a campaign from its status report: how many enterprises in scope have no
 * submission yet, and how many submissions are in each status.
 */
export function campaignProgress(report) {
  const counts = { in_scope: 0, not_opened: 0, late: 0 }
  for (const s of STATUSES) counts[s] = 0
  for (const o of report?.obligations || []) {
    counts.in_scope++
    if (o.late) counts.late++
    const status = o.submission?.status
    if (!status) counts.not_opened++
    else counts[status] = (counts[status] || 0) + 1
  }
  counts.reported = report?.counts?.reported ?? counts.submitted + counts.county_reviewed + counts.approved
  counts.not_reported = report?.counts?.not_reported ?? counts.in_scope - counts.reported
  return counts
}

/** Whole days from `from` to `to` (ISO dates 'YYYY-MM-DD'); negative if `to` is earlier. */
export function daysBetween(from, to) {
  const a = Date.parse(`${from}T00:00:00Z`)
  const b = Date.parse(`${to}T00:00:00Z`)
  if (Number.isNaN(a) || Number.isNaN(b)) return null
  return Math.round((b - a) / 86400000)
}

/**
 * The enterprises to remind (the status report's non_reporters), each with the days past the
 * deadline as of the report's date (0 before the deadline) and its submission status, if any.
 */
export function reminderRows(report) {
  const byId = new Map((report?.obligations || []).map((o) => [o.enterprise.id, o]))
  const deadline = report?.campaign?.deadline
  const overdue = Math.max(0, daysBetween(deadline, report?.as_of) ?? 0)
  return (report?.non_reporters || []).map((e) => ({
    ...e,
    status: byId.get(e.id)?.submission?.status || '',
    submission_id: byId.get(e.id)?.submission?.id || null,
    days_overdue: report?.deadline_passed ? overdue : 0,
  }))
}

function csvCell(value) {
  const s = value === null || value === undefined ? '' : String(value)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** Rows as CSV (UTF-8 with a byte-order mark, so that Excel reads Chinese): columns = [{key, label}]. */
export function toCsv(rows, columns) {
  const lines = [columns.map((c) => csvCell(c.label)).join(',')]
  for (const r of rows || []) {
    lines.push(columns.map((c) => csvCell(typeof c.value === 'function' ? c.value(r) : r[c.key])).join(','))
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n'
}

// ---- local drafts: what is typed survives a reload until the server has it ----

const DRAFT_PREFIX = 'npgov.survey.draft.'

export function draftKey(submissionId) {
  return `${DRAFT_PREFIX}${submissionId}`
}

/** Keeps the unsaved lines (and a half-filled line form) of a submission in `storage`. */
export function saveLocalDraft(storage, submissionId, { lines, base, form = null, now = new Date().toISOString() }) {
  if (!storage) return false
  try {
    storage.setItem(
      draftKey(submissionId),
      JSON.stringify({ lines: (lines || []).map(toEditable), base: base || '', form, saved_at: now }),
    )
    return true
  } catch {
    return false // quota or private mode: the page still works, only without the safety net
  }
}

/** The stored draft {lines, base, form, saved_at} or null (also for unreadable entries). */
export function loadLocalDraft(storage, submissionId) {
  if (!storage) return null
  try {
    const text = storage.getItem(draftKey(submissionId))
    if (!text) return null
    const d = JSON.parse(text)
    if (!d || !Array.isArray(d.lines)) return null
    return {
      lines: d.lines.map(toEditable),
      base: String(d.base || ''),
      form: d.form && typeof d.form === 'object' ? d.form : null,
      saved_at: d.saved_at || '',
    }
  } catch {
    return null
  }
}

export function clearLocalDraft(storage, submissionId) {
  try {
    storage?.removeItem(draftKey(submissionId))
  } catch {
    // nothing to do
  }
}

/**
 * What to do with a stored draft when the server's lines are loaded: 'none' (nothing stored or
 * it equals the server), 'restore' (typed on top of the same server version: put it back),
 * 'conflict' (the server changed since: let the user choose).
 */
export function draftDecision(local, serverLines, serverHash) {
  if (!local) return 'none'
  if (sameLines(local.lines, serverLines) && !local.form) return 'none'
  return local.base === serverHash ? 'restore' : 'conflict'
}

// ---- results ----

export const ACTIVITY_MEASURES = ['produce', 'import', 'process', 'use', 'export']
export const EMISSION_MEASURES = ['emission_air', 'emission_water', 'emission_soil', 'waste']

/** The key columns of a results table for its grouping ("substance", "county" …). */
export function resultKeyColumns(groupBy) {
  const cols = []
  for (const g of groupBy || []) {
    if (g === 'substance') cols.push({ key: 'cas', kind: 'code', group: g }, { key: 'substance_name', kind: 'name', group: g })
    else if (g === 'county') cols.push({ key: 'region_code', kind: 'code', group: g }, { key: 'region_name', kind: 'name', group: g })
    else if (g === 'industry') cols.push({ key: 'industry_code', kind: 'code', group: g }, { key: 'industry_name', kind: 'name', group: g })
    else if (g === 'year') cols.push({ key: 'year', kind: 'code', group: g })
    else if (g === 'list_entry') cols.push({ key: 'entry', kind: 'code', group: g }, { key: 'entry_name', kind: 'name', group: g })
  }
  return cols
}

/** A short label of a result row's keys: names where there are names, else codes. */
export function resultRowLabel(row, groupBy) {
  const k = row?.keys || {}
  const parts = []
  for (const g of groupBy || []) {
    if (g === 'substance') parts.push(k.substance_name || k.cas)
    else if (g === 'county') parts.push(k.region_name || k.region_code)
    else if (g === 'industry') parts.push(k.industry_name || k.industry_code)
    else if (g === 'year') parts.push(String(k.year ?? ''))
    else if (g === 'list_entry') parts.push(k.entry_name ? `${k.entry} ${k.entry_name}` : k.entry)
  }
  return parts.filter((p) => p !== undefined && p !== '').join(' · ')
}

/** The sum of some measures of a row (tonnes). */
export function rowSum(row, measures) {
  return measures.reduce((s, m) => s + (Number(row?.tonnes?.[m]) || 0), 0)
}

/**
 * A bar chart of the largest `limit` rows by the sum of `measures` (rows where all are zero left
 * out), largest on top, one bar per measure side by side (produced and used tonnes of a substance
 * are different flows, so they are not stacked). `labels` = { measure → translated name, axis }.
 */
export function resultChartOption(rows, groupBy, measures, labels, { limit = 15, log = false } = {}) {
  const ranked = (rows || [])
    .map((r) => ({ r, total: rowSum(r, measures) }))
    .filter((x) => x.total > 0)
    .sort((a, b) => b.total - a.total)
    .slice(0, limit)
    .reverse() // ECharts draws the first category at the bottom
  const names = ranked.map((x) => resultRowLabel(x.r, groupBy))
  const used = measures.filter((m) => ranked.some((x) => (Number(x.r.tonnes?.[m]) || 0) > 0))
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: used.map((m) => labels[m] || m) },
    grid: { left: 10, right: 40, top: 36, bottom: 30, containLabel: true },
    // A log axis shows 5 t beside 200,000 t; it cannot draw zero, so zeros become gaps.
    xAxis: log ? { type: 'log', name: labels.axis || 't', logBase: 10 } : { type: 'value', name: labels.axis || 't' },
    yAxis: { type: 'category', data: names, axisLabel: { width: 220, overflow: 'truncate' } },
    series: used.map((m) => ({
      name: labels[m] || m,
      type: 'bar',
      barMaxWidth: 18,
      emphasis: { focus: 'series' },
      data: ranked.map((x) => {
        const v = roundTonnes(Number(x.r.tonnes?.[m]) || 0)
        return log && v <= 0 ? null : v
      }),
    })),
  }
}

/** Tonnes rounded for display and charts: 3 significant decimals below 1 t, 2 decimals above. */
export function roundTonnes(v) {
  if (typeof v !== 'number' || !Number.isFinite(v)) return v
  return Math.abs(v) >= 1 ? Math.round(v * 100) / 100 : Number(v.toPrecision(3))
}

/** "12345.678" → "12,345.68"; 0 → "0"; null → "—". */
export function formatTonnes(v) {
  if (v === null || v === undefined || v === '' || !Number.isFinite(Number(v))) return '—'
  const n = roundTonnes(Number(v))
  if (n === 0) return '0'
  return n.toLocaleString('en-US', { maximumFractionDigits: Math.abs(n) >= 1 ? 2 : 6 })
}

/** A date for the campaign deadline picker: 'YYYY-MM-DD' of `date` plus `days`. */
export function isoDatePlus(date, days) {
  const d = new Date(date.getTime() + days * 86400000)
  return d.toISOString().slice(0, 10)
}

/** Row errors of an enterprise import report as table rows, by row then field. */
export function importErrorRows(report, locale = 'zh-CN') {
  const zh = !locale || locale.startsWith('zh')
  return (report?.errors || [])
    .map((e, index) => ({
      index,
      row: e.row || 0,
      field: e.field || '',
      reason: e.reason || '',
      message: zh ? e.message_zh || e.message_en : e.message_en || e.message_zh,
    }))
    .sort((a, b) => a.row - b.row || a.index - b.index)
}
