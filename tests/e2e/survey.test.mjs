// The chemical information survey in the browser: an officer opens a campaign and sees who has
// not reported; an enterprise user fills lines, sees every validation error at once, loses
// nothing on a reload, uploads a file with errors, fixes and submits; the county reviewer
// reviews; a city officer approves; the results page charts and exports the approved data.
// Also the enterprise registry's import (row errors) and export.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { startServer } from './server.mjs'
import { chooseOption, gotoMenu, launchBrowser, loginOk, newPage, rows, screenshot, tableLoaded } from './browser.mjs'

let server
let browser
let submissionUrl = '' // the 2024 submission of ent002, shared by the workflow tests

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

async function hasRoute(path, method = 'GET') {
  const response = await fetch(`${server.baseUrl}/api/v1${path}`, { method })
  return response.status !== 404
}

// GB 32100-2015 check character of a unified social credit code.
function uscc(first17) {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
  let sum = 0
  for (let i = 0; i < 17; i++) sum += chars.indexOf(first17[i]) * weights[i]
  const c = 31 - (sum % 31)
  return first17 + chars[c === 31 ? 0 : c]
}

async function confirmBox(page) {
  await page.locator('.el-message-box__btns .el-button--primary').click()
}

/** Fills the line form (the dialog must be open). */
async function fillLine(page, line) {
  const dialog = page.locator('[data-testid="line-dialog"]')
  for (const [field, value] of Object.entries(line)) {
    if (field === 'activity') {
      await chooseOption(page, dialog.locator('[data-testid="form-activity"]'), value)
    } else {
      // el-input puts the attribute on the native input (or textarea) itself
      await dialog.locator(`input[data-testid="form-${field}"], textarea[data-testid="form-${field}"]`).fill(value)
    }
  }
}

async function statusText(page) {
  return (await page.locator('[data-testid="submission-status"]').innerText()).trim()
}

test('officer opens a campaign and sees progress and non-reporters', async (t) => {
  if (!(await hasRoute('/survey/campaigns'))) return t.skip('the server has no /api/v1/survey routes')
  const page = await newPage(browser, server.baseUrl)
  await loginOk(page, 'officer')
  await gotoMenu(page, '信息调查')
  await page.waitForURL((url) => url.pathname === '/survey')
  await tableLoaded(page, 'campaign-table')
  const demo = rows(page, 'campaign-table').filter({ hasText: '2023 年度' })
  assert.equal(await demo.count(), 1, 'db seed-demo opens the 2023 campaign')
  await page.locator('[data-testid="campaign-progress"]').first().waitFor()
  assert.match(await page.locator('[data-testid="campaign-progress"]').first().innerText(), /已报送 \d+\/\d+/)
  await screenshot(page, '30-survey-campaigns')

  // Open a detailed campaign for 2024 on the coal-to-syngas industry (ent002's).
  await page.locator('[data-testid="campaign-new"]').click()
  const dialog = page.locator('[data-testid="campaign-dialog"]')
  await dialog.locator('[data-testid="campaign-year"] input').fill('2024')
  await dialog.locator('.el-radio-button', { hasText: '详细调查' }).click()
  await chooseOption(page, dialog.locator('[data-testid="campaign-industries"]'), '2522 煤制合成气生产')
  await chooseOption(page, dialog.locator('[data-testid="campaign-industries"]'), '2911')
  await dialog.locator('.el-dialog__title').click() // close the drop-down
  assert.match(await dialog.locator('[data-testid="campaign-deadline"] input, input.el-input__inner[placeholder="截止日期"]').first().inputValue(), /^\d{4}-\d{2}-\d{2}$/)
  await screenshot(page, '31-survey-campaign-dialog')
  await dialog.locator('[data-testid="campaign-create"]').click()
  await dialog.waitFor({ state: 'hidden' })
  await page.waitForFunction(() => /2024 年度/.test(document.querySelector('[data-testid="campaign-table"]')?.innerText || ''))
  assert.match(await page.locator('[data-testid="campaign-table"]').innerText(), /详细调查/)

  // The demo campaign: counts, obligations, non-reporters after the deadline, the template.
  await rows(page, 'campaign-table').filter({ hasText: '2023 年度' }).locator('[data-testid="campaign-open"]').click()
  await page.waitForURL(/\/survey\/campaigns\/\d+$/)
  await page.locator('[data-testid="stat-in_scope"] [data-testid="stat-value"]').waitFor()
  await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="stat-in_scope"] [data-testid="stat-value"]')?.innerText || ''))
  const inScope = Number(await page.locator('[data-testid="stat-in_scope"] [data-testid="stat-value"]').innerText())
  const notReported = Number(await page.locator('[data-testid="stat-not_reported"] [data-testid="stat-value"]').innerText())
  const approved = Number(await page.locator('[data-testid="stat-approved"] [data-testid="stat-value"]').innerText())
  assert.ok(inScope > 0 && notReported > 0 && approved > 0, `in scope ${inScope}, not reported ${notReported}, approved ${approved}`)
  await tableLoaded(page, 'obligation-table')
  assert.equal(await rows(page, 'obligation-table').count(), Math.min(20, inScope))
  await screenshot(page, '32-survey-campaign-status', { settleMs: 600 })

  const downloadPromise = page.waitForEvent('download')
  await rows(page, 'obligation-table').first().locator('[data-testid="obligation-template"]').click()
  const download = await downloadPromise
  assert.match(download.suggestedFilename(), /\.xlsx$/)
  const bytes = readFileSync(await download.path())
  assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'the template is an .xlsx (zip) file')

  await page.locator('.el-tabs__item', { hasText: '未报送企业' }).click()
  const reminders = page.locator('[data-testid="reminder-table"]')
  await reminders.waitFor()
  assert.equal(await rows(page, 'reminder-table').count(), notReported)
  assert.match(await page.locator('.el-tab-pane:visible .el-alert').innerText(), /已过.*未报送/)
  const overdue = Number(await rows(page, 'reminder-table').first().locator('td').nth(6).innerText())
  assert.ok(overdue > 0, 'days overdue after the 2024-06-30 deadline')
  const csvPromise = page.waitForEvent('download')
  await page.locator('[data-testid="reminders-export"]').click()
  const csv = readFileSync(await (await csvPromise).path(), 'utf8')
  assert.ok(csv.startsWith('\ufeff企业名称,'), 'the reminder list is a CSV with a header')
  assert.equal(csv.trim().split('\r\n').length, notReported + 1)
  await screenshot(page, '33-survey-non-reporters', { settleMs: 600 })
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('enterprise user fills lines, sees every error, keeps unsaved lines, uploads, fixes and submits', async (t) => {
  if (!(await hasRoute('/survey/campaigns'))) return t.skip('the server has no /api/v1/survey routes')
  const page = await newPage(browser, server.baseUrl)
  await loginOk(page, 'ent002')
  await gotoMenu(page, '信息调查')
  await tableLoaded(page, 'campaign-table')
  const row = rows(page, 'campaign-table').filter({ hasText: '2024 年度' })
  assert.match(await row.innerText(), /未开始填报/)
  assert.match(await rows(page, 'campaign-table').filter({ hasText: '2023 年度' }).innerText(), /已审定/)
  await screenshot(page, '33a-survey-enterprise-campaigns')
  await row.locator('[data-testid="campaign-fill"]').click()
  await page.waitForURL(/\/survey\/submissions\/\d+$/)
  submissionUrl = new URL(page.url()).pathname
  await tableLoaded(page, 'line-table')
  assert.equal(await statusText(page), '草稿')

  // Two lines typed in the form: a large jump from 2023 without emissions, and a CAS typo.
  await page.locator('[data-testid="line-add"]').click()
  await fillLine(page, { cas: '67-56-1', name: '甲醇', activity: '生产', quantity: '200000' })
  await page.locator('[data-testid="form-next"]').click()
  await fillLine(page, { cas: '50-00-1', name: '甲醛', activity: '使用', quantity: '5' })
  await page.locator('[data-testid="form-ok"]').click()
  await page.locator('[data-testid="line-dialog"]').waitFor({ state: 'hidden' })
  assert.equal(await rows(page, 'line-table').count(), 2)
  await page.locator('[data-testid="unsaved"]').waitFor()

  // Nothing typed is lost: a reload before saving brings the lines back.
  await page.reload()
  await page.locator('[data-testid="draft-restored"]').waitFor()
  await tableLoaded(page, 'line-table')
  assert.equal(await rows(page, 'line-table').count(), 2)
  assert.match(await page.locator('[data-testid="line-table"]').innerText(), /50-00-1/)

  // Saving checks every line: all errors listed at once, with field and message.
  await page.locator('[data-testid="draft-save"]').click()
  await page.waitForFunction(() => !document.querySelector('[data-testid="unsaved"]'))
  await tableLoaded(page, 'issue-table')
  const issues = await page.locator('[data-testid="issue-table"]').innerText()
  assert.match(issues, /CAS 号 50-00-1 的校验位/)
  assert.match(issues, /用途类别/)
  assert.match(issues, /大气排放量/)
  assert.match(issues, /变化说明/) // the jump from 2023 needs a reason
  assert.ok((await rows(page, 'issue-table').count()) >= 6)
  assert.ok(await page.locator('[data-testid="submission-submit"]').isDisabled())
  assert.match(await rows(page, 'line-table').nth(1).locator('[data-testid="resolution"]').innerText(), /标识有误/)
  await screenshot(page, '34-survey-submission-errors')

  // An uploaded file with errors: nothing imported, every row error listed with its row.
  const csv = [
    'CAS号,物质名称,活动类型,数量,单位,用途类别,大气排放量(t/a),水体排放量(t/a),土壤排放量(t/a),废物量(t/a),商业秘密,变化说明',
    '67-56-1,甲醇,生产,１２３，４５６,吨,,1,0,0,2,否,', // full-width digits and comma: accepted
    ',某未知物质,使用,abc,kg,,0,0,0,0,否,',
    '71-43-2,苯,使用,5,桶,溶剂,0,0,0,0,否,',
    '',
  ].join('\r\n')
  await page.locator('[data-testid="line-upload"] input[type=file]').setInputFiles({ name: '填报.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
  await page.locator('[data-testid="upload-issues"]').waitFor()
  const uploadText = await page.locator('[data-testid="upload-result"]').innerText()
  assert.match(uploadText, /未导入任何数据/)
  assert.match(uploadText, /“abc”不是有效的数字/)
  assert.match(uploadText, /无法识别的单位“桶”/)
  assert.match(uploadText, /用途类别/)
  assert.ok((await rows(page, 'upload-issues').count()) >= 3)
  const sheetRows = (await rows(page, 'upload-issues').locator('td:nth-child(2)').allInnerTexts()).map((s) => s.trim())
  assert.ok(sheetRows.includes('3') && sheetRows.includes('4'), `spreadsheet rows named: ${sheetRows}`)
  const errorRows = (await rows(page, 'upload-issues').filter({ hasText: '错误' }).locator('td:nth-child(2)').allInnerTexts()).map((s) => s.trim())
  assert.ok(!errorRows.includes('2'), `row 2 (１２３，４５６ 吨) has no error: ${errorRows}`)
  assert.equal(await rows(page, 'line-table').count(), 2, 'the draft keeps its lines')
  await screenshot(page, '35-survey-upload-errors')
  await page.locator('[data-testid="upload-result"] .el-button', { hasText: '关闭' }).click()

  // Fix both lines in the form.
  await rows(page, 'line-table').nth(0).locator('[data-testid="line-edit"]').click()
  const dialog = page.locator('[data-testid="line-dialog"]')
  assert.match(await dialog.innerText(), /变化说明/)
  await fillLine(page, { emission_air: '1.5', emission_water: '0.2', emission_soil: '0', waste: '3', reason: '新建 60 万吨/年甲醇装置投产' })
  await page.locator('[data-testid="form-ok"]').click()
  await rows(page, 'line-table').nth(1).locator('[data-testid="line-edit"]').click()
  await fillLine(page, { cas: '50-00-0', uses: '原料；中间体', emission_air: '0.01', emission_water: '0', emission_soil: '0', waste: '0' })
  await dialog.locator('[data-testid="form-cbi"]').click()
  await page.locator('[data-testid="form-ok"]').click()
  await page.locator('[data-testid="draft-save"]').click()
  await page.waitForFunction(() => !document.querySelector('[data-testid="unsaved"]'))
  await page.waitForFunction(() => /错误 0/.test(document.querySelector('[data-testid="issue-summary"]')?.innerText || ''))
  assert.match(await page.locator('[data-testid="issue-summary"]').innerText(), /待说明 0/)
  await page.locator('[data-testid="line-table"] [data-testid="cbi"]').waitFor()

  await page.locator('[data-testid="submission-submit"]').click()
  await confirmBox(page)
  await page.waitForFunction(() => /待区县审核/.test(document.querySelector('[data-testid="submission-status"]')?.innerText || ''))
  assert.equal(await page.locator('[data-testid="line-add"]').count(), 0, 'a submitted report is locked')
  await screenshot(page, '36-survey-submitted')

  // Enterprise users see only their own submissions.
  await page.goto('/survey/submissions/1')
  await page.locator('.el-message--error').waitFor()
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('county reviewer reviews, city officer approves, with the history kept', async (t) => {
  if (!submissionUrl) return t.skip('no submission from the previous test')
  const county = await newPage(browser, server.baseUrl)
  await loginOk(county, 'officer.sc')
  await county.goto(submissionUrl)
  await county.locator('[data-testid="review-panel"]').waitFor()
  assert.equal(await county.locator('[data-testid="review-approve"]').count(), 0, 'county staff do not approve')
  await county.locator('textarea[data-testid="review-comment"]').fill('数量与排放核实无误')
  await county.locator('[data-testid="review-county"]').click()
  await county.waitForFunction(() => /待市级审定/.test(document.querySelector('[data-testid="submission-status"]')?.innerText || ''))
  assert.equal(await county.locator('[data-testid="review-panel"]').count(), 0, 'after the county review only the city acts')
  await screenshot(county, '37-survey-county-reviewed')
  await county.context().close()

  const city = await newPage(browser, server.baseUrl)
  await loginOk(city, 'officer')
  await city.goto(submissionUrl)
  await city.locator('[data-testid="review-approve"]').waitFor()
  assert.equal(await city.locator('[data-testid="review-county"]').count(), 0)
  await city.locator('[data-testid="review-approve"]').click()
  await city.waitForFunction(() => /已审定/.test(document.querySelector('[data-testid="submission-status"]')?.innerText || ''))
  const timeline = await city.locator('[data-testid="event-timeline"]').innerText()
  for (const step of ['提交', '区县审核', '市级审定']) assert.match(timeline, new RegExp(step))
  assert.match(timeline, /数量与排放核实无误/)
  assert.match(timeline, /officer\.sc/)
  await screenshot(city, '38-survey-approved')
  assert.deepEqual(city.errors, [])
  await city.context().close()
})

test('a county reviewer returns a report with a comment', async (t) => {
  if (!(await hasRoute('/survey/campaigns'))) return t.skip('the server has no /api/v1/survey routes')
  const page = await newPage(browser, server.baseUrl)
  await loginOk(page, 'officer.sc')
  await gotoMenu(page, '信息调查')
  await tableLoaded(page, 'campaign-table')
  await rows(page, 'campaign-table').filter({ hasText: '2023 年度' }).locator('[data-testid="campaign-open"]').click()
  await tableLoaded(page, 'obligation-table')
  // County staff see their own county only.
  const counties = await rows(page, 'obligation-table').locator('td:nth-child(3)').allInnerTexts()
  assert.ok(counties.length > 0 && counties.every((c) => c.trim() === '朔城区'), `counties: ${counties}`)
  await chooseOption(page, page.locator('[data-testid="obligation-status"]'), '待区县审核')
  await tableLoaded(page, 'obligation-table')
  if ((await rows(page, 'obligation-table').count()) === 0) return t.skip('no demo submission of 朔城区 awaits the county review')
  await rows(page, 'obligation-table').first().locator('[data-testid="obligation-view"]').click()
  await page.locator('[data-testid="review-return"]').click()
  await page.locator('.el-message--warning', { hasText: '退回原因' }).waitFor() // a return needs a reason
  await page.locator('textarea[data-testid="review-comment"]').fill('用途类别不完整，请补充后重新提交')
  await page.locator('[data-testid="review-return"]').click()
  await page.waitForFunction(() => /已退回/.test(document.querySelector('[data-testid="submission-status"]')?.innerText || ''))
  assert.match(await page.locator('[data-testid="returned-alert"]').innerText(), /用途类别不完整/)
  await screenshot(page, '37a-survey-returned')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('results page charts the approved tonnage and exports it', async (t) => {
  if (!(await hasRoute('/survey/results'))) return t.skip('the server has no /api/v1/survey/results route')
  const page = await newPage(browser, server.baseUrl)
  await loginOk(page, 'officer')
  await gotoMenu(page, '调查结果')
  await page.waitForURL((url) => url.pathname === '/survey/results')
  await page.locator('[data-testid="results-chart"] canvas').waitFor()
  await tableLoaded(page, 'results-table')
  const campaign = await page.locator('[data-testid="results-campaign"]').innerText()
  if (submissionUrl) {
    assert.match(campaign, /2024/, 'the newest campaign is shown first')
    const text = await page.locator('[data-testid="results-table"]').innerText()
    assert.match(text, /甲醇/)
    assert.match(text, /200,000/)
    assert.match(text, /全市合计/)
  }
  await page.locator('[data-testid="results-log"]').click() // 5 t beside 200,000 t
  await screenshot(page, '39-survey-results', { settleMs: 1200 })

  const download = page.waitForEvent('download')
  await page.locator('[data-testid="results-export-xlsx"]').click()
  const file = await download
  assert.equal(file.suggestedFilename(), '调查结果.xlsx')
  assert.equal(readFileSync(await file.path()).subarray(0, 2).toString(), 'PK')

  // The demo campaign by county, then per entry of the priority-control list.
  await chooseOption(page, page.locator('[data-testid="results-campaign"]'), '2023')
  await page.locator('[data-testid="results-group"] .el-radio-button', { hasText: '按区县' }).click()
  await page.waitForFunction(() => /朔城区/.test(document.querySelector('[data-testid="results-table"]')?.innerText || ''))
  await page.locator('[data-testid="results-chart"] canvas').waitFor()
  await screenshot(page, '40-survey-results-county', { settleMs: 1200 })
  await page.locator('[data-testid="results-group"] .el-radio-button', { hasText: '按清单条目' }).click()
  await chooseOption(page, page.locator('[data-testid="results-list"]'), '优先控制化学品名录')
  await page.waitForFunction(() => /PC0\d\d/.test(document.querySelector('[data-testid="results-table"]')?.innerText || ''))
  assert.match(await page.locator('[data-testid="results-table"]').innerText(), /二氯甲烷/)
  await page.locator('[data-testid="results-chart"] canvas').waitFor()
  await screenshot(page, '41-survey-results-list', { settleMs: 1200 })
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('an amendment after approval is a new version; the same upload twice changes nothing', async (t) => {
  if (!submissionUrl) return t.skip('no submission from the workflow tests')
  const page = await newPage(browser, server.baseUrl)
  await loginOk(page, 'ent002')
  await page.goto(submissionUrl)
  await tableLoaded(page, 'line-table')
  assert.equal(await statusText(page), '已审定')

  const template = page.waitForEvent('download')
  await page.locator('[data-testid="template-download"]').click()
  assert.match((await template).suggestedFilename(), /模板\.xlsx$/)

  const csv = [
    'CAS号,物质名称,活动类型,数量,单位,用途类别,大气排放量(t/a),水体排放量(t/a),土壤排放量(t/a),废物量(t/a),商业秘密,变化说明',
    '67-56-1,甲醇,生产,180000,t,,1.4,0.2,0,3,否,新建装置投产（更正）',
    '50-00-0,甲醛,使用,5000,kg,原料；中间体,0.01,0,0,0,是,',
  ].join('\r\n')
  const file = { name: '更正.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') }
  await page.locator('[data-testid="line-upload"] input[type=file]').setInputFiles(file)
  await page.locator('[data-testid="upload-result"]').waitFor()
  assert.match(await page.locator('[data-testid="upload-result"]').innerText(), /已导入，共 2 行/)
  await page.waitForFunction(() => /草稿/.test(document.querySelector('[data-testid="submission-status"]')?.innerText || ''))
  assert.match(await page.locator('[data-testid="submission-version"]').innerText(), /v2.*v1/)
  assert.match(await page.locator('[data-testid="line-table"]').innerText(), /180000/)
  await tableLoaded(page, 'version-table')
  assert.equal(await rows(page, 'version-table').count(), 2)

  // The same file again: recognised, nothing written.
  await page.locator('[data-testid="line-upload"] input[type=file]').setInputFiles(file)
  await page.locator('[data-testid="upload-result"]', { hasText: '与草稿相同' }).waitFor()
  assert.equal(await rows(page, 'version-table').count(), 2)

  // The approved version stays readable.
  await rows(page, 'version-table').filter({ hasText: 'v1' }).getByText('查看').click()
  await page.locator('[data-testid="old-version"]').waitFor()
  assert.match(await page.locator('[data-testid="line-table"]').innerText(), /200000/)
  assert.equal(await page.locator('[data-testid="line-add"]').count(), 0, 'an old version is read-only')
  await screenshot(page, '41a-survey-amendment-v1')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('the submission page in English has no untranslated keys', async (t) => {
  if (!submissionUrl) return t.skip('no submission from the workflow tests')
  const page = await newPage(browser, server.baseUrl)
  await page.addInitScript(() => localStorage.setItem('npgov.locale', 'en'))
  await loginOk(page, 'ent002')
  await page.goto(submissionUrl)
  await tableLoaded(page, 'line-table')
  await page.locator('[data-testid="event-timeline"]').waitFor()
  const text = await page.locator('main').innerText()
  assert.match(text, /Approved/) // v1 in the version history
  assert.match(text, /Versions and review history/)
  assert.doesNotMatch(text, /survey\.[a-zA-Z]/, 'no i18n key shows through')
  await screenshot(page, '42-survey-submission-en')
  await page.context().close()
})

test('officer imports enterprises (row errors first) and exports the registry', async (t) => {
  if (!(await hasRoute('/enterprises/import', 'POST'))) return t.skip('the server has no /api/v1/enterprises/import route')
  const page = await newPage(browser, server.baseUrl)
  await loginOk(page, 'officer')
  await gotoMenu(page, '企业')
  await tableLoaded(page, 'enterprise-table')

  const good = uscc('91140602MA0K1E2E3')
  const bad = [
    '统一社会信用代码,企业名称,区县,行业代码,联系人,联系电话',
    `${good},朔城端到端测试化工有限公司,朔城区,2614,王五,0349-1234567`,
    '91140602MA0K1E2E3X,校验码错误的企业,朔城区,2614,,',
    '123,太短的代码,朔城区,2614,,',
  ].join('\r\n')
  await page.locator('[data-testid="enterprise-import"]').click()
  const dialog = page.locator('[data-testid="import-dialog"]')
  await dialog.locator('[data-testid="import-file"] input[type=file]').setInputFiles({ name: '企业名录.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') })
  await dialog.locator('[data-testid="import-check"]').click()
  await dialog.locator('[data-testid="import-errors"]').waitFor()
  const errors = await dialog.locator('[data-testid="import-errors"]').innerText()
  assert.match(errors, /校验码/)
  assert.match(errors, /18 位/)
  assert.equal(await rows(page, 'import-errors').count(), 2)
  assert.match(await dialog.locator('[data-testid="import-error"]').innerText(), /未导入任何数据/)
  await screenshot(page, '43-enterprise-import-errors')

  const fixed = bad.split('\r\n').slice(0, 2).join('\r\n')
  await dialog.locator('[data-testid="import-file"] input[type=file]').setInputFiles({ name: '企业名录-修正.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed, 'utf8') })
  await dialog.locator('[data-testid="import-run"]').click()
  await dialog.locator('[data-testid="import-result"]').waitFor()
  assert.match(await dialog.locator('[data-testid="import-result"]').innerText(), /新增 1 家/)
  await page.keyboard.press('Escape')
  await page.locator('input[data-testid="enterprise-search"]').fill('端到端')
  await page.locator('input[data-testid="enterprise-search"]').press('Enter')
  await page.waitForFunction(() => /朔城端到端测试化工有限公司/.test(document.querySelector('[data-testid="enterprise-table"]')?.innerText || ''))

  const download = page.waitForEvent('download')
  await page.locator('[data-testid="enterprise-export-csv"]').click()
  const file = await download
  assert.equal(file.suggestedFilename(), '企业名录.csv')
  const exported = readFileSync(await file.path(), 'utf8')
  assert.ok(exported.startsWith('\ufeff统一社会信用代码,'))
  assert.match(exported, new RegExp(good))
  await screenshot(page, '44-enterprises-imported')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})
