// Browser helpers for the e2e tests: Debian's Chromium driven by playwright-core
// (installed in web/node_modules; resolved from there since tests/ has no node_modules).
import { createRequire } from 'node:module'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import assert from 'node:assert/strict'

const here = dirname(fileURLToPath(import.meta.url))
const require = createRequire(join(here, '..', '..', 'web', 'package.json'))
const { chromium } = require('playwright-core')

export const screenshotDir = join(here, 'screenshots')
export const DEMO_PASSWORD = 'npgov-demo'

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** A fresh context (own cookies and localStorage) with a page; page errors are collected. */
export async function newPage(browser, baseUrl) {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  context.setDefaultTimeout(15000)
  const page = await context.newPage()
  page.errors = []
  page.on('pageerror', (e) => page.errors.push(e.message))
  return page
}

export async function screenshot(page, name, { settleMs = 400 } = {}) {
  mkdirSync(screenshotDir, { recursive: true })
  await page.evaluate(() => window.scrollTo(0, 0)) // the header is sticky: capture from the top
  await page.waitForTimeout(settleMs) // let transitions (and chart animations, ~1 s) settle
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true })
}

export async function login(page, username, password = DEMO_PASSWORD) {
  await page.goto('/login')
  await page.locator('input[name="username"]').fill(username)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('[data-testid="login-submit"]').click()
}

/** Logs in and waits for the home page of the layout. */
export async function loginOk(page, username, password = DEMO_PASSWORD) {
  await login(page, username, password)
  await page.waitForURL((url) => url.pathname === '/')
  await page.locator('[data-testid="side-menu"]').waitFor()
}

export async function menuTexts(page) {
  const items = page.locator('[data-testid="side-menu"] .el-menu-item')
  return (await items.allInnerTexts()).map((s) => s.trim())
}

export async function gotoMenu(page, text) {
  await page.locator('[data-testid="side-menu"] .el-menu-item', { hasText: text }).click()
}

/** Waits until the table's loading mask is gone. */
export async function tableLoaded(page, testid) {
  const table = page.locator(`[data-testid="${testid}"]`)
  await table.waitFor()
  await page.waitForFunction(
    (id) => {
      const el = document.querySelector(`[data-testid="${id}"]`)
      const mask = el && el.querySelector('.el-loading-mask')
      return el && (!mask || getComputedStyle(mask).display === 'none')
    },
    testid,
  )
  return table
}

export function rows(page, testid) {
  return page.locator(`[data-testid="${testid}"] .el-table__body tr.el-table__row`)
}

/** Finds a table row containing `text`, paging through el-pagination if needed. */
export async function findRow(page, testid, text, { maxPages = 50 } = {}) {
  for (let i = 0; i < maxPages; i++) {
    await tableLoaded(page, testid)
    const row = rows(page, testid).filter({ hasText: text })
    if ((await row.count()) > 0) return row.first()
    const next = page.locator('.el-pagination .btn-next')
    if ((await next.count()) === 0 || (await next.isDisabled())) break
    await next.click()
    await page.waitForTimeout(100)
  }
  assert.fail(`no row containing ${JSON.stringify(text)} in table ${testid}`)
}

/** Picks an option of an el-select (the dropdown is teleported to <body>). */
export async function chooseOption(page, selectLocator, optionText) {
  await selectLocator.click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: optionText }).first().click()
}
