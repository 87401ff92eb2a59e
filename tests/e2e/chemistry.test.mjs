// Substances, regulatory lists and monitoring pages.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startServer } from './server.mjs'
import { chooseOption, gotoMenu, launchBrowser, loginOk, newPage, rows, screenshot, tableLoaded } from './browser.mjs'

let server
let browser

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

// Whether the server has an API route: without a session an existing route answers 401, an absent one 404.
async function hasRoute(path, method = 'GET') {
  const response = await fetch(`${server.baseUrl}/api/v1${path}`, { method })
  return response.status !== 404
}

test('search PFOA by CAS and open its details', async (t) => {
  if (!(await hasRoute('/substances'))) return t.skip('the server has no /api/v1/substances route yet')
  const page = await newPage(browser, server.baseUrl)
  await loginOk(page, 'analyst')
  await gotoMenu(page, '物质')
  await page.waitForURL((url) => url.pathname === '/substances')
  await tableLoaded(page, 'substance-table')
  await page.locator('[data-testid="substance-search"]').fill('335-67-1')
  await page.locator('[data-testid="substance-search-button"]').click()
  await page.waitForFunction(() => {
    const table = document.querySelector('[data-testid="substance-table"]')
    return table && /335-67-1/.test(table.innerText)
  })
  await tableLoaded(page, 'substance-table')
  const row = rows(page, 'substance-table').filter({ hasText: '335-67-1' }).first()
  assert.match(await row.innerText(), /全氟辛酸|PFOA|Perfluorooctanoic/i)
  // The list tags arrive from one batch classification of the page.
  await row.locator('.el-tag', { hasText: '重点管控新污染物清单' }).waitFor()
  await screenshot(page, '20-substances-search')

  await row.locator('[data-testid="substance-detail"]').click()
  const drawer = page.locator('.el-drawer')
  const img = drawer.locator('[data-testid="structure-image"]')
  await img.waitFor()
  assert.match(await img.getAttribute('src'), /^data:image\/svg\+xml/)
  assert.ok(await img.evaluate((el) => el.complete && el.naturalWidth > 0), 'the structure picture is rendered')
  assert.match(await drawer.locator('[data-testid="substance-identifiers"]').innerText(), /SNGREZUHAYWORS-UHFFFAOYSA-N/)
  const entry = drawer.locator('[data-testid="list-entry"]').first()
  await entry.waitFor()
  assert.match(await drawer.locator('[data-testid="list-hit"]').first().innerText(), /全氟辛酸|PFOA/)
  await drawer.locator('[data-testid="pfas-flag"]').waitFor() // yes or no, as the server's rules say
  await screenshot(page, '21-substance-detail', { settleMs: 600 })
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('classify a SMILES', async (t) => {
  if (!(await hasRoute('/substances/classify', 'POST'))) return t.skip('the server has no /api/v1/substances/classify route yet')
  const page = await newPage(browser, server.baseUrl)
  await loginOk(page, 'inspector')
  await page.goto('/substances')
  await page.locator('[data-testid="classify-smiles"]').fill('OC(=O)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)F')
  await page.locator('[data-testid="classify-button"]').click()
  const result = page.locator('[data-testid="classify-result"]')
  await result.waitFor()
  await result.locator('[data-testid="pfas-flag"]').waitFor()
  await result.locator('[data-testid="list-entry"]').first().waitFor()
  await screenshot(page, '22-classify', { settleMs: 600 })
  await page.context().close()
})

test('lists page shows lists, entries with typed measures, and the diff tab', async (t) => {
  if (!(await hasRoute('/lists'))) return t.skip('the server has no /api/v1/lists route yet')
  const page = await newPage(browser, server.baseUrl)
  await loginOk(page, 'ent001')
  await gotoMenu(page, '清单')
  await page.waitForURL((url) => url.pathname === '/lists')
  await tableLoaded(page, 'lists-table')
  assert.ok((await rows(page, 'lists-table').count()) >= 1)
  const keyList = rows(page, 'lists-table').filter({ hasText: '重点管控新污染物清单' })
  if ((await keyList.count()) > 0) await keyList.first().click()
  await tableLoaded(page, 'list-entries')
  await page.locator('[data-testid="list-entries"] [data-testid="measure-action"]').first().waitFor()
  assert.ok((await rows(page, 'list-entries').count()) > 0)
  assert.match(await page.locator('[data-testid="list-entries"]').innerText(), /禁止|限制|限值/)
  await screenshot(page, '23-lists', { settleMs: 600 })
  // A list with two editions (优先控制化学品名录 2017 → 2020) has a diff.
  const twoEditions = rows(page, 'lists-table').filter({ has: page.locator('.el-tag:nth-of-type(2)') })
  if ((await twoEditions.count()) > 0) {
    await twoEditions.first().click()
    await page.locator('.el-tabs__item', { hasText: '版本对比' }).click()
    const diff = page.locator('[data-testid="list-diff"] .el-alert')
    await diff.waitFor()
    assert.match(await diff.innerText(), /新增 \d+ 条/)
    await screenshot(page, '24-lists-diff', { settleMs: 600 })
  }
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('monitoring page renders sites, series with hollow non-detects, box plot and summary', async (t) => {
  if (!(await hasRoute('/monitoring/sites'))) return t.skip('the server has no /api/v1/monitoring/sites route yet')
  const page = await newPage(browser, server.baseUrl)
  await loginOk(page, 'officer')
  await gotoMenu(page, '监测')
  await page.waitForURL((url) => url.pathname === '/monitoring')
  await tableLoaded(page, 'site-table')
  if ((await rows(page, 'site-table').count()) === 0) {
    await screenshot(page, '25-monitoring-empty')
    return t.skip('db seed-demo loaded no monitoring sites')
  }
  await page.locator('[data-testid="chart-sites"] canvas').waitFor()
  await page.locator('[data-testid="chart-detection"] canvas').waitFor()
  await tableLoaded(page, 'summary-table')
  assert.ok((await rows(page, 'summary-table').count()) > 0)
  await page.locator('[data-testid="chart-series"] canvas').waitFor()
  await page.locator('[data-testid="chart-box"] canvas').waitFor()
  const text = await page.locator('main').innerText()
  assert.match(text, /Kaplan-Meier/)
  assert.match(text, /LOD\/2/)
  await screenshot(page, '25-monitoring', { settleMs: 1500 })
  assert.deepEqual(page.errors, [])
  await page.context().close()
})
