// Admin flows: users (create, field error, disable), audit log (entry, verify chain), enterprises.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startServer } from './server.mjs'
import { chooseOption, findRow, gotoMenu, launchBrowser, loginOk, newPage, rows, screenshot, tableLoaded } from './browser.mjs'

let server
let browser
let page
const username = `e2e${Date.now().toString(36)}`
let createdId = ''

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  page = await newPage(browser, server.baseUrl)
  await loginOk(page, 'admin')
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

async function fillUserDialog({ user, name, password, role }) {
  const dialog = page.locator('.el-dialog').filter({ has: page.locator('input[name="display_name"]') })
  await dialog.waitFor()
  await dialog.locator('input[name="username"]').fill(user)
  await dialog.locator('input[name="display_name"]').fill(name)
  await dialog.locator('input[name="password"]').fill(password)
  await chooseOption(page, dialog.locator('[data-testid="user-role"]'), role)
  return dialog
}

test('admin creates a user through the dialog and it appears in the table', async () => {
  await gotoMenu(page, '用户管理')
  await page.waitForURL((url) => url.pathname === '/users')
  await tableLoaded(page, 'user-table')
  await page.locator('[data-testid="user-add"]').click()
  const dialog = await fillUserDialog({ user: username, name: 'E2E 测试分析员', password: 'npgov-e2e-password', role: '数据分析人员' })
  await chooseOption(page, dialog.locator('[data-testid="user-department"]'), '市生态环境局')
  await chooseOption(page, dialog.locator('[data-testid="user-region"]'), '朔城区')
  await screenshot(page, '05-user-dialog')
  await dialog.locator('[data-testid="user-save"]').click()
  await dialog.waitFor({ state: 'hidden' })

  const row = await findRow(page, 'user-table', username)
  const text = await row.innerText()
  assert.match(text, /E2E 测试分析员/)
  assert.match(text, /数据分析人员/)
  createdId = (await row.locator('td').first().innerText()).trim()
  assert.match(createdId, /^\d+$/)
  await screenshot(page, '06-users')
})

test('a duplicate username is reported on the username field', async () => {
  await page.locator('[data-testid="user-add"]').click()
  const dialog = await fillUserDialog({ user: username, name: '重复用户', password: 'npgov-e2e-password', role: '数据分析人员' })
  await dialog.locator('[data-testid="user-save"]').click()
  // The server error is shown on the field it names, or above the buttons if it names none.
  await page.waitForFunction(() => {
    const d = [...document.querySelectorAll('.el-dialog')].find((el) => el.offsetParent !== null)
    return d && (d.querySelector('.el-form-item.is-error .el-form-item__error') || d.querySelector('[data-testid="user-form-error"]'))
  })
  const fieldError = dialog.locator('.el-form-item.is-error').filter({ has: page.locator('input[name="username"]') })
  if ((await fieldError.count()) > 0) {
    assert.ok((await fieldError.locator('.el-form-item__error').innerText()).trim().length > 0)
  }
  await screenshot(page, '07-user-duplicate')
  await dialog.getByRole('button', { name: '取消' }).click()
  await dialog.waitFor({ state: 'hidden' })
})

test('the audit log shows the user.create entry with its hashes', async () => {
  await gotoMenu(page, '审计日志')
  await page.waitForURL((url) => url.pathname === '/audit')
  await tableLoaded(page, 'audit-table')
  const filters = page.locator('.toolbar input')
  await filters.nth(0).fill('user.create')
  await filters.nth(1).fill('admin')
  await filters.nth(1).press('Enter')
  await page.waitForTimeout(300)
  const entries = rows(page, 'audit-table')
  let row = null
  for (let p = 0; p < 50 && !row; p++) {
    await tableLoaded(page, 'audit-table')
    const n = await entries.count()
    for (let i = 0; i < n; i++) {
      const cells = (await entries.nth(i).locator('td').allInnerTexts()).map((s) => s.trim())
      // columns: expand, seq, time, actor, action, entity, entity id
      if (cells[4] === 'user.create' && cells[3] === 'admin' && cells[6] === createdId) row = entries.nth(i)
    }
    if (row) break
    const next = page.locator('.el-pagination .btn-next')
    if (await next.isDisabled()) break
    await next.click()
  }
  assert.ok(row, `audit entry user.create for user id ${createdId}`)
  await row.locator('.el-table__expand-icon').click()
  const detail = page.locator('[data-testid="audit-table"] .el-table__expanded-cell').first()
  await detail.waitFor()
  const detailText = await detail.innerText()
  assert.match(detailText, /[0-9a-f]{16,}/, 'hash is shown')
  assert.match(detailText, new RegExp(username))
  await screenshot(page, '08-audit-expanded')
})

test('verify chain reports ok', async () => {
  await page.locator('[data-testid="audit-verify"]').click()
  const result = page.locator('[data-testid="audit-verify-result"]')
  await result.waitFor()
  assert.match(await result.getAttribute('class'), /el-alert--success/)
  assert.match(await result.innerText(), /校验通过/)
  await screenshot(page, '09-audit-verify')
})

test('admin disables the new user after confirming', async () => {
  await gotoMenu(page, '用户管理')
  await page.waitForURL((url) => url.pathname === '/users')
  let row = await findRow(page, 'user-table', username)
  await row.locator('[data-testid="user-disable"]').click()
  const box = page.locator('.el-message-box')
  await box.waitFor()
  await box.getByRole('button', { name: '停用' }).click()
  await page.waitForFunction((name) => {
    const tr = [...document.querySelectorAll('[data-testid="user-table"] tr.el-table__row')].find((r) => r.innerText.includes(name))
    return tr && tr.innerText.includes('已停用')
  }, username)
})

test('enterprises list is paginated, searchable and tags synthetic rows', async () => {
  await gotoMenu(page, '企业')
  await page.waitForURL((url) => url.pathname === '/enterprises')
  await tableLoaded(page, 'enterprise-table')
  const total = Number((await page.locator('.el-pagination__total').innerText()).replace(/\D/g, ''))
  assert.ok(total > 1, `several enterprises, got ${total}`)
  assert.ok((await rows(page, 'enterprise-table').count()) > 1)
  assert.ok((await page.locator('[data-testid="synthetic-tag"]').count()) > 0, 'synthetic tag shown')
  await screenshot(page, '10-enterprises')

  await chooseOption(page, page.locator('[data-testid="enterprise-county"]'), '朔城区')
  await page.waitForTimeout(300)
  await tableLoaded(page, 'enterprise-table')
  const regions = await page.locator('[data-testid="enterprise-table"] .el-table__body tr.el-table__row td:nth-child(4)').allInnerTexts()
  assert.ok(regions.every((r) => r.trim() === '朔城区'), `county filter applied: ${regions}`)
  assert.deepEqual(page.errors, [])
})
