// What non-admin roles see.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startServer } from './server.mjs'
import { gotoMenu, launchBrowser, loginOk, menuTexts, newPage, rows, screenshot, tableLoaded } from './browser.mjs'

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

test('analyst does not see users or audit log', async () => {
  const page = await newPage(browser, server.baseUrl)
  await loginOk(page, 'analyst')
  const menu = await menuTexts(page)
  assert.deepEqual(menu, ['首页', '企业', '信息调查', '调查结果', '物质', '清单', '监测', '筛查排序', '风险评估', '参考数据'])
  assert.ok(!menu.includes('用户管理') && !menu.includes('审计日志'))
  assert.match(await page.locator('[data-testid="current-role"]').innerText(), /数据分析人员/)
  await page.locator('[data-testid="chart-region"] canvas').waitFor()
  await screenshot(page, '11-dashboard-analyst', { settleMs: 1200 })

  // Typing the address of an admin page leads back home.
  await page.goto('/users')
  await page.waitForURL((url) => url.pathname === '/')
  await page.context().close()
})

test('reference data shows departments and regions', async () => {
  const page = await newPage(browser, server.baseUrl)
  await loginOk(page, 'analyst')
  await gotoMenu(page, '参考数据')
  await tableLoaded(page, 'department-table')
  assert.ok((await rows(page, 'department-table').count()) > 0)
  assert.match(await page.locator('[data-testid="department-table"]').innerText(), /市生态环境局/)
  await screenshot(page, '12-reference-departments')
  await page.locator('.el-tabs__item', { hasText: '行政区划' }).click()
  await tableLoaded(page, 'region-table')
  assert.match(await page.locator('[data-testid="region-table"]').innerText(), /朔州市/)
  await screenshot(page, '13-reference-regions')
  await page.context().close()
})

test('enterprise user ent001 sees exactly one enterprise', async () => {
  const page = await newPage(browser, server.baseUrl)
  await loginOk(page, 'ent001')
  assert.deepEqual(await menuTexts(page), ['首页', '企业', '信息调查', '调查结果', '物质', '清单', '监测', '参考数据'])
  await gotoMenu(page, '企业')
  await page.waitForURL((url) => url.pathname === '/enterprises')
  await tableLoaded(page, 'enterprise-table')
  assert.equal(await rows(page, 'enterprise-table').count(), 1)
  assert.equal((await page.locator('.el-pagination__total').innerText()).replace(/\D/g, ''), '1')
  await screenshot(page, '14-enterprises-ent001')
  await page.context().close()
})
