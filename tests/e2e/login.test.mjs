// Login page, dashboard and language switch.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startServer } from './server.mjs'
import { launchBrowser, login, loginOk, menuTexts, newPage, screenshot } from './browser.mjs'

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

test('login page is Chinese and shows the synthetic demo data notice', async () => {
  const page = await newPage(browser, server.baseUrl)
  await page.goto('/')
  await page.waitForURL((url) => url.pathname === '/login')
  await page.getByText('npgov 新污染物治理平台').first().waitFor()
  await page.locator('[data-testid="demo-notice"]').waitFor()
  assert.match(await page.locator('[data-testid="demo-notice"]').innerText(), /合成演示数据/)
  await screenshot(page, '01-login')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('wrong password shows the server error message', async () => {
  const page = await newPage(browser, server.baseUrl)
  await login(page, 'admin', 'definitely-wrong-password')
  const error = page.locator('[data-testid="login-error"]')
  await error.waitFor()
  const text = (await error.innerText()).trim()
  assert.ok(text.length > 0, 'error message is shown')
  assert.match(text, /[\u4e00-\u9fff]/, `message is in Chinese: ${text}`)
  assert.equal(new URL(page.url()).pathname, '/login')
  await screenshot(page, '02-login-wrong-password')
  await page.context().close()
})

test('admin login shows dashboard counts and a rendered chart', async () => {
  const page = await newPage(browser, server.baseUrl)
  await loginOk(page, 'admin')
  for (const key of ['enterprises', 'users', 'departments', 'audit_entries']) {
    const value = page.locator(`[data-testid="stat-${key}"] [data-testid="stat-value"]`)
    await value.waitFor()
    const n = Number((await value.innerText()).trim())
    assert.ok(Number.isInteger(n) && n > 0, `${key} count is a positive number, got ${n}`)
  }
  const canvas = page.locator('[data-testid="chart-region"] canvas')
  await canvas.waitFor()
  const box = await canvas.boundingBox()
  assert.ok(box && box.width > 100 && box.height > 100, 'chart canvas has a real size')
  await page.locator('[data-testid="chart-industry"] canvas').waitFor()
  await page.locator('[data-testid="chart-role"] canvas').waitFor()
  assert.match(await page.locator('[data-testid="current-user"]').innerText(), /系统管理员|admin/)
  await screenshot(page, '03-dashboard-admin', { settleMs: 1200 })
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('language switch changes the menu to English and is remembered', async () => {
  const page = await newPage(browser, server.baseUrl)
  await loginOk(page, 'admin')
  assert.deepEqual(await menuTexts(page), ['首页', '企业', '信息调查', '调查结果', '用户管理', '审计日志', '物质', '清单', '监测', '筛查排序', '风险评估', '参考数据'])

  await page.locator('[data-testid="lang-switch"]').click()
  await page.locator('[data-testid="lang-en"]').click()
  await page.waitForFunction(() => document.querySelector('[data-testid="side-menu"]').innerText.includes('Audit log'))
  assert.deepEqual(await menuTexts(page), ['Home', 'Enterprises', 'Chemical survey', 'Survey results', 'Users', 'Audit log', 'Substances', 'Lists', 'Monitoring', 'Screening', 'Assessment', 'Reference data'])
  assert.match(await page.locator('[data-testid="logout"]').innerText(), /Log out/)
  await page.locator('[data-testid="chart-region"] canvas').waitFor()
  await screenshot(page, '04-dashboard-english', { settleMs: 1200 })

  await page.reload()
  await page.locator('[data-testid="side-menu"]').waitFor()
  assert.deepEqual(await menuTexts(page), ['Home', 'Enterprises', 'Chemical survey', 'Survey results', 'Users', 'Audit log', 'Substances', 'Lists', 'Monitoring', 'Screening', 'Assessment', 'Reference data'])

  // A wrong password in English shows the English message.
  await page.locator('[data-testid="logout"]').click()
  await page.waitForURL((url) => url.pathname === '/login')
  await login(page, 'admin', 'definitely-wrong-password')
  const error = page.locator('[data-testid="login-error"]')
  await error.waitFor()
  assert.doesNotMatch(await error.innerText(), /[\u4e00-\u9fff]/, 'error message is in English')
  await page.context().close()
})
