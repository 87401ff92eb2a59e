// Screening and risk assessment in the browser, on the demo city: the ranked list of the run
// stored at seed time, the evidence behind a score cell, filters, a new run followed to its end;
// a substance's assessment with its sections and charts, the draft → reviewed → published
// workflow by two people, and the printed report; who sees what.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startServer } from './server.mjs'
import { chooseOption, gotoMenu, launchBrowser, loginOk, menuTexts, newPage, rows, screenshot, tableLoaded } from './browser.mjs'

let server
let browser

before(async () => {
  server = await startServer({ timeoutMs: 60000 })
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

async function confirmBox(page) {
  await page.locator('.el-message-box__btns .el-button--primary').click()
}

async function openScreening(page) {
  await gotoMenu(page, '筛查排序')
  await page.waitForURL((url) => url.pathname === '/screening')
  await tableLoaded(page, 'screening-table')
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="screening-table"] .el-table__body tr.el-table__row').length > 0)
}

test('the ranked list shows a score per dimension, data gaps, and the evidence behind a cell', async () => {
  const page = await newPage(browser, server.baseUrl)
  await loginOk(page, 'officer')
  assert.ok((await menuTexts(page)).includes('筛查排序'))
  await openScreening(page)
  const first = rows(page, 'screening-table').first()
  assert.match(await first.innerText(), /^1\b/)
  // Every row has four score cells; gaps are marked, not shown as zeros.
  assert.equal(await page.locator('[data-testid^="cell-1-"]').count(), 4)
  assert.ok((await page.locator('[data-testid="screening-table"] .gap-badge').count()) > 0)
  assert.match(await page.locator('[data-testid="screening-run-info"]').innerText(), /npgov\.screening_params/)
  await screenshot(page, 'screening-ranked', { settleMs: 600 })

  await page.locator('[data-testid="cell-1-hazard"]').click()
  const drawer = page.locator('[data-testid="evidence-drawer"]')
  await drawer.locator('.el-drawer__body').waitFor()
  const text = await drawer.innerText()
  assert.match(text, /依据|缺少的数据/)
  assert.match(text, /PBT/)
  await screenshot(page, 'screening-evidence', { settleMs: 600 })
  await page.keyboard.press('Escape')

  // Filters: a CAS number, then rows with a detection data gap.
  await page.locator('input[data-testid="screening-q"]').fill('1763-23-1')
  await page.locator('[data-testid="screening-search"]').click()
  await tableLoaded(page, 'screening-table')
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="screening-table"] .el-table__body tr.el-table__row').length === 1)
  assert.match(await rows(page, 'screening-table').first().innerText(), /1763-23-1/)
  await page.locator('input[data-testid="screening-q"]').fill('')
  await chooseOption(page, page.locator('[data-testid="screening-gap"]'), '高检出')
  await page.locator('[data-testid="screening-search"]').click()
  await tableLoaded(page, 'screening-table')
  const detectionCells = page.locator('[data-testid="screening-table"] [data-testid$="-detection"]')
  await detectionCells.first().waitFor()
  const n = await detectionCells.count()
  for (let i = 0; i < n; i++) assert.match(await detectionCells.nth(i).innerText(), /缺数据/)
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('an officer runs a new screening and follows its progress to the end', async () => {
  const page = await newPage(browser, server.baseUrl)
  await loginOk(page, 'officer')
  await openScreening(page)
  const runLabel = () => page.locator('[data-testid="screening-run"]').innerText()
  const before = await runLabel()
  await page.locator('[data-testid="screening-start"]').click()
  const progress = page.locator('[data-testid="screening-progress"]')
  await progress.waitFor()
  await page.waitForFunction(() => /已完成/.test(document.querySelector('[data-testid="screening-progress"]')?.innerText || ''), null, {
    timeout: 120000,
  })
  await page.waitForFunction((old) => document.querySelector('[data-testid="screening-run"]')?.innerText !== old, before)
  assert.match(await runLabel(), /#\d+/)
  assert.notEqual(await runLabel(), before)
  await screenshot(page, 'screening-new-run')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('a substance assessment shows PNEC, exposure, quotients, sites and what is missing', async () => {
  const page = await newPage(browser, server.baseUrl)
  await loginOk(page, 'analyst')
  await openScreening(page)
  assert.equal(await page.locator('[data-testid="screening-start"]').count(), 0) // analysts read only
  await page.locator('input[data-testid="screening-q"]').fill('1763-23-1')
  await page.locator('[data-testid="screening-search"]').click()
  await tableLoaded(page, 'screening-table')
  await page.locator('[data-testid="assess-1763-23-1"]').first().click()
  await page.waitForURL((url) => /^\/assessments\/\d+$/.test(url.pathname))
  await page.locator('[data-testid="section-pnec"]').waitFor()
  for (const section of ['section-exposure', 'section-risk', 'section-sites', 'section-missing']) {
    await page.locator(`[data-testid="${section}"]`).waitFor()
  }
  assert.match(await page.locator('[data-testid="assessment-title"]').innerText(), /全氟辛/)
  assert.ok((await rows(page, 'mec-table').count()) >= 1, 'PFOS is monitored in the demo')
  assert.match(await page.locator('[data-testid="mec-table"]').innerText(), /Kaplan-Meier P95|最大检出值|全部未检出/)
  assert.equal(await page.locator('[data-testid="assessment-save"]').count(), 0) // analysts cannot save
  await screenshot(page, 'assessment-pfos', { settleMs: 1200 })
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('the assessor saves a draft, another person reviews and publishes it, and the report prints', async () => {
  const officer = await newPage(browser, server.baseUrl)
  await loginOk(officer, 'officer')
  await gotoMenu(officer, '风险评估')
  await officer.waitForURL((url) => url.pathname === '/assessments')
  await officer.locator('[data-testid="assessment-top"]').waitFor()
  // The demo's 4-nonylphenol has ecotoxicity data: open it from a search.
  await officer.locator('input[data-testid="assessment-search"]').fill('84852-15-3')
  await officer.keyboard.press('Enter')
  await officer.locator('.el-table__row', { hasText: '84852-15-3' }).first().click()
  await officer.waitForURL((url) => /^\/assessments\/\d+$/.test(url.pathname))
  const url = new URL(officer.url()).pathname
  await officer.locator('[data-testid="section-pnec"]').waitFor()
  assert.ok((await officer.locator('[data-testid="af-steps"] li').count()) > 0, 'the assessment-factor derivation is shown step by step')
  await officer.locator('[data-testid="assessment-save"]').click()
  await officer.locator('textarea[data-testid="save-comment"]').fill('浏览器测试草稿')
  await officer.locator('[data-testid="save-confirm"]').click()
  await officer.waitForFunction(() => /草稿/.test(document.querySelector('[data-testid="assessment-status"]')?.innerText || ''))
  assert.equal(await officer.locator('[data-testid="assessment-review"]').count(), 0, 'no review of one\'s own draft')
  await screenshot(officer, 'assessment-draft', { settleMs: 1000 })
  await officer.context().close()

  const admin = await newPage(browser, server.baseUrl)
  await loginOk(admin, 'admin')
  await admin.goto(url)
  await admin.locator('[data-testid="assessment-review"]').click()
  await confirmBox(admin)
  await admin.waitForFunction(() => /已审核/.test(document.querySelector('[data-testid="assessment-status"]')?.innerText || ''))
  await admin.locator('[data-testid="assessment-publish"]').click()
  await confirmBox(admin)
  await admin.waitForFunction(() => /已发布/.test(document.querySelector('[data-testid="assessment-status"]')?.innerText || ''))

  // The printed report: the page without navigation or buttons, with a report title.
  await admin.emulateMedia({ media: 'print' })
  assert.equal(await admin.locator('[data-testid="side-menu"]').isVisible(), false)
  assert.equal(await admin.locator('[data-testid="assessment-print"]').isVisible(), false)
  assert.match(await admin.locator('.report-title').innerText(), /风险评估报告/)
  await screenshot(admin, 'assessment-print', { settleMs: 1000 })
  await admin.emulateMedia({ media: 'screen' })
  assert.deepEqual(admin.errors, [])
  await admin.context().close()
})

test('enterprise users see neither screening nor assessments', async () => {
  const page = await newPage(browser, server.baseUrl)
  await loginOk(page, 'ent001')
  const menu = await menuTexts(page)
  assert.ok(!menu.includes('筛查排序') && !menu.includes('风险评估'), menu.join(','))
  await page.goto('/screening')
  await page.waitForURL((url) => url.pathname === '/')
  await page.context().close()
})
