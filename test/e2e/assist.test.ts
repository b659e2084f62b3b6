// 帮代办 with two browsers: the citizen's phone gives a window a one-time 授权码; the window PC opens it and
// sees the citizen masked; the citizen sees who looked; revoking cuts the window off at once. The audit holds
// exactly one row per access the window made; the staff console passes axe.
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { axeViolations } from './support/axe'
import { newPhoneContext, withScreenshotOnFailure } from './support/browser'
import { contextsForEachTest } from './support/phone-page'
import { ADMIN_TOKEN, repoRoot } from './support/platform'

const run = contextsForEachTest()
const SHOTS = process.env.I13_SHOTS

async function phone(): Promise<Page> {
  return run.track(await newPhoneContext(run.browser)).newPage()
}

/** the window PC: a 1280-wide desktop browser */
async function windowPc(): Promise<Page> {
  return run.track(await run.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage()
}

const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })
}
const heading1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name })
const tap = (page: Page, name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' }).first().click()

async function audit(): Promise<{ actorRole: string; what: string }[]> {
  const r = await fetch(`${run.platform.url}/api/v1/admin/audit`, { headers: { 'X-Admin-Token': ADMIN_TOKEN } })
  return ((await r.json()) as { entries: { actorRole: string; what: string }[] }).entries
}

test('the citizen authorises a window; the window opens the code and sees the citizen masked; the citizen sees the access and revokes; the window is cut off', async () => {
  const citizen = await phone()
  const clerk = await windowPc()
  /** what the window did to the citizen's data that the platform answered */
  let windowAccesses = 0
  await withScreenshotOnFailure(citizen, 'assist-citizen', async () => {
    await citizen.goto(run.platform.url + '/')
    await tap(citizen, '授权与查看记录')
    await tap(citizen, '登录后继续')
    await heading1(citizen, '登录').waitFor()
    await citizen.getByRole('textbox', { name: '手机号码' }).fill('13807310003')
    await tap(citizen, '获取验证码')
    await citizen.getByText('验证码已发送，请查看短信').waitFor()
    await citizen.getByRole('textbox', { name: '短信验证码' }).fill('123456')
    await tap(citizen, '登录')
    await heading1(citizen, '授权与查看记录').waitFor()
    await citizen.getByText('您还没有授权任何人。').waitFor()
    // nothing chosen: the rulebook's words at the fields
    await tap(citizen, '生成授权码')
    await citizen.getByText('请选择要代办的一件事').first().waitFor()
    await citizen.getByRole('radiogroup', { name: '代办哪件事' }).first().getByRole('radio', { name: '开办餐饮店' }).click()
    await tap(citizen, '生成授权码')
    await citizen.getByText('请选择为您办理的服务大厅').waitFor()
    await citizen.getByRole('radio', { name: /长沙市天心区政务服务中心/ }).click()
    await tap(citizen, '生成授权码')
    await citizen.getByRole('heading', { name: '请向窗口工作人员出示授权码' }).waitFor()
    await shot(citizen, '01-citizen-code')
  })
  const code = ((await citizen.locator('.ui-grant-code__digits').textContent()) ?? '').replace(/\s/g, '')
  expect(code).toMatch(/^\d{8}$/)

  await withScreenshotOnFailure(clerk, 'assist-window', async () => {
    await clerk.goto(run.platform.url + '/#/pages/staff/home/index')
    await heading1(clerk, '窗口工作台').waitFor()
    await clerk.getByRole('textbox', { name: '工作账号' }).fill('staff02')
    await clerk.getByRole('textbox', { name: '密码' }).fill('Window@2026')
    await clerk.keyboard.press('Enter')
    await clerk.getByText('长沙市天心区政务服务中心 5号窗口（综合受理） · 周敏').waitFor()
    // a typo first: the message at the field, nothing asked of the platform
    const box = clerk.getByRole('textbox', { name: '授权码、短信授权码或办件编号' })
    await box.fill('1234')
    await box.press('Enter')
    await clerk.getByText('无法识别：授权码为 8 位数字，短信授权码为 6 位数字，办件编号以 HN 开头').waitFor()
    // what a USB scanner types: the QR's text and Enter
    await box.fill(`HNYJS:GRANT:${code}`)
    await box.press('Enter')
    await clerk.getByText('正在为 王*明 代办：开办餐饮店').waitFor()
    windowAccesses += 2 // the code opened, the citizen's name and e-licence list read
    await clerk.getByText(/身份证 430103\*{8}\d{3}[\dX]/).waitFor()
    expect(await clerk.getByText('430103195801012114').count()).toBe(0)
    await shot(clerk, '02-window-opened')
    expect(await axeViolations(clerk)).toEqual([])
  })

  await withScreenshotOnFailure(citizen, 'assist-citizen-audit', async () => {
    await tap(citizen, '刷新')
    await citizen.getByText('长沙市天心区政务服务中心 5号窗口（综合受理） 周敏（窗口工作人员）').first().waitFor()
    await citizen.getByText('查看：查看实名信息和电子证照目录').waitFor()
    await citizen.getByText('依据您的授权：窗口代办“开办餐饮店”').first().waitFor()
    await shot(citizen, '03-citizen-audit')
    expect(await axeViolations(citizen)).toEqual([])
    await citizen.getByRole('button', { name: /^撤销开办餐饮店的授权/ }).first().click()
    await citizen.locator('.taro__modal').getByText('撤销', { exact: true }).click()
    await citizen.getByText(/开办餐饮店 · 已撤销/).waitFor()
  })

  await withScreenshotOnFailure(clerk, 'assist-window-cut', async () => {
    await tap(clerk, '结束代办')
    await tap(clerk, /^为王\*明办理开办餐饮店/)
    await clerk.getByText('申请人已撤销授权，不能继续代办').waitFor()
    expect(await clerk.getByText('正在为 王*明 代办').count()).toBe(0)
    await shot(clerk, '04-window-cut-off')
  })

  // one audit row per answered access of the window, none for the refused one
  const rows = (await audit()).filter((x) => x.actorRole === 'staff')
  expect(rows).toHaveLength(windowAccesses)
  fs.mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true })
  fs.writeFileSync(path.join(repoRoot, 'test-results', 'e2e-assist-audit.json'), JSON.stringify({ windowAccesses, auditRows: rows.length, rows }, null, 2))
})
