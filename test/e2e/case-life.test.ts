// After submitting, on the production H5 build: submit → 受理 → 补正 → fix → 办结 with an e-licence → rate
// 不满意 with an indicator → the follow-up and the department's answer; 不予受理 with remedies; withdrawal;
// paying at the cashier; a case turning yellow then red as the clock advances; a message opening its case.
// With SHOTS_DIR set, every step is also kept as a screenshot (kept outside the repository: a walk-through, not a test result).
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { CaseRecord } from '@/services/contract'
import { fillDraft, makeClient, submitConfirmed, uploader } from '../contract/support/harness'
import { axeViolations } from './support/axe'
import { launchBrowser, newPhoneContext, withScreenshotOnFailure } from './support/browser'
import { Driver, PDF, PEOPLE, restaurant, SMS_CODE } from './support/journeys'
import { ADMIN_TOKEN, startPlatform, type RunningPlatform } from './support/platform'

const SHOTS = process.env.SHOTS_DIR

let platform: RunningPlatform
let browser: Browser
let context: BrowserContext
let page: Page
let shot = 0

beforeAll(async () => {
  platform = await startPlatform()
  browser = await launchBrowser()
  context = await phoneContext()
  page = await context.newPage()
  if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true })
}, 60000)
afterAll(async () => {
  await browser?.close()
  await platform?.stop()
})

/** The walk-through is taken on a 375×812 phone. */
async function phoneContext(): Promise<BrowserContext> {
  if (!SHOTS) return newPhoneContext(browser)
  // not isMobile: Chromium's full-page capture of an emulated mobile viewport leaves the page wider than the phone
  const ctx = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  // a phone has no scrollbar taking width
  await ctx.addInitScript(() => document.addEventListener('DOMContentLoaded', () => document.head.append(Object.assign(document.createElement('style'), { textContent: '::-webkit-scrollbar{display:none}' }))))
  return ctx
}

async function snap(name: string): Promise<void> {
  if (!SHOTS) return
  // Taro's page slide-in ends first
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 3000 }).catch(() => undefined)
  await page.waitForTimeout(400)
  await page.screenshot({ path: path.join(SHOTS, `${String(++shot).padStart(2, '0')}-${name}.png`), fullPage: true })
}

let clerkToken: string | undefined
/** A window clerk's token: department actions are a staff power (the admin token does not open them). */
async function clerk(): Promise<string> {
  if (!clerkToken) {
    const s = makeClient(platform.url, { adminToken: undefined })
    await s.loginStaff('staff03', 'Window@2026')
    clerkToken = s.tokens.current!.accessToken
  }
  return clerkToken
}

/** `/dept/*` as the clerk, the rest (clock, stall) as this run's simulation controls. */
async function api<T>(method: string, p: string, body?: unknown, again = false): Promise<T> {
  const staff = p.startsWith('/dept/')
  const auth: Record<string, string> = staff ? { Authorization: `Bearer ${await clerk()}` } : { 'X-Admin-Token': ADMIN_TOKEN }
  const r = await fetch(`${platform.url}/api/v1${p}`, { method, headers: { ...auth, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })
  if (staff && r.status === 401 && !again) {
    // the simulated clock ran weeks ahead: the clerk's session ended, they sign in again
    clerkToken = undefined
    return api(method, p, body, true)
  }
  const json = (await r.json()) as T
  if (!r.ok) throw new Error(`${method} ${p} → ${r.status} ${JSON.stringify(json)}`)
  return json
}
const dept = (caseId: string, action: string, body: unknown) => api<CaseRecord>('POST', `/dept/cases/${caseId}/${action}`, body)
const advance = (body: { hours?: number; workingDays?: number }) => api('POST', '/admin/clock/advance', body)
const heading1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name })
const tap = (name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' }).first().click()
const text = async () => (await page.locator('body').innerText()).replace(/\s+/g, ' ')

/** A fresh phone signed in as the citizen (each test stands alone). */
async function signedInPage(): Promise<void> {
  await context?.close()
  context = await phoneContext()
  page = await context.newPage()
  await page.goto(`${platform.url}/#/pages/login/index`)
  const d = new Driver(page, platform.url)
  await d.signInBySms(PEOPLE.father.mobile)
  await page.waitForURL((u) => !u.hash.includes('pages/login'))
}

async function openCase(id: string): Promise<void> {
  await page.goto(`${platform.url}/#/pages/cases/detail/index?case=${id}`)
  await page.getByText(`办件编号 ${id}`).waitFor()
}

/** Another case of the same citizen, filed through the platform client (the journey itself is tested above). */
async function citizen(mobile: string = PEOPLE.father.mobile) {
  const c = makeClient(platform.url, { adminToken: undefined })
  await c.sendSmsCode(mobile).catch(() => undefined)
  await c.loginSms(mobile, SMS_CODE)
  return c
}

async function fileCase(bundleId: string): Promise<CaseRecord> {
  const c = await citizen()
  const profile = await c.me()
  const licences = (await c.listLicences()).map((l) => l.kind)
  // as in the app: an e-licence is used once the citizen agrees to it
  for (const kind of licences) await c.consentLicence(kind)
  const t = await c.getBundle(bundleId)
  const content = await fillDraft(t, { profile, licences, upload: uploader(c, bundleId), now: (await c.health()).time })
  // 二手房's buyer (陈静) confirms in her own account first
  return submitConfirmed(c, t, content, () => citizen(PEOPLE.mother.mobile))
}

test('a case from submission to rating: 受理, 补正 in one screen, 办结 with an e-licence, 不满意 and its follow-up; a message opens its case', async () => {
  await withScreenshotOnFailure(page, 'case-life', async () => {
    await restaurant(new Driver(page, platform.url))
    await tap('提交申请')
    await heading1('提交成功').waitFor({ timeout: 30000 })
    const caseId = (await page.locator('.ui-case-no').innerText()).trim()
    await snap('submitted')
    await tap('查看我的办件')
    await heading1('我的办件').waitFor()
    await page.getByText('待受理').first().waitFor()
    expect(await text()).toContain('受理后开始计时')
    await snap('list-waiting')

    // the departments accept; the clock runs from 受理
    const submitted = await api<CaseRecord>('GET', `/dept/cases/${caseId}`)
    for (const m of submitted.matters) await dept(caseId, 'accept', { matterId: m.matterId }).catch(() => undefined)
    await openCase(caseId)
    await page.getByText('部门已受理').first().waitFor()
    expect(await text()).toMatch(/剩余 \d+ 个工作日/)
    expect(await axeViolations(page)).toEqual([])
    await snap('accepted')

    // 补正 on 食品小经营许可: a field and a material, told at once
    await dept(caseId, 'supplement', { matterId: 'food-small', message: '平面图看不清，食品安全管理人员姓名与健康证不一致', fields: ['food-safety-manager'], materials: ['layout'] })
    // the home page counts the message at the top, and the tab bar on 消息; tapping it opens 消息
    await page.goto(`${platform.url}/`)
    await page.getByRole('button', { name: /^您有 \d+ 条未读消息$/ }).waitFor()
    const messagesTab = page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '消息', exact: true })
    await expect(messagesTab.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent)).resolves.toMatch(/^\d+ 条未读$/)
    await snap('home-unread')
    await tap(/^您有 \d+ 条未读消息$/)
    await heading1('消息').waitFor()
    await page.getByText('请补正材料').waitFor()
    await snap('messages')
    await page.getByRole('button', { name: new RegExp(`查看办件 ${caseId}：请补正材料`) }).click()
    await page.getByRole('group', { name: '补正通知' }).waitFor()
    const notice = await page.getByRole('group', { name: '补正通知' }).innerText()
    expect(notice).toContain('食品安全管理人员')
    expect(notice).toContain('平面布局图')
    expect(await text()).toContain('补正期间不计时')
    await snap('supplement-notice')
    await tap('去补正')
    await heading1('补正材料').waitFor()
    const field = page.getByRole('textbox', { name: /食品安全管理人员/ })
    await expect(field.inputValue()).resolves.toBe('王芳')
    // bad input: an empty name is refused at the field, nothing sent
    await field.fill('')
    await tap('提交补正')
    await page.getByText(/请填写食品安全管理人员/).first().waitFor()
    await snap('supplement-error')
    await field.fill('王芳芳')
    const chooser = page.waitForEvent('filechooser')
    await tap(/上传.*平面布局图/)
    await (await chooser).setFiles({ ...PDF, name: '平面图-清晰版.pdf' })
    await page.getByText('已上传').waitFor()
    await snap('supplement-filled')
    // a double tap sends one 补正
    await page.locator('#supplement-submit').click()
    await page.locator('#supplement-submit').click({ force: true }).catch(() => undefined)
    await page.getByText('申请人已补正', { exact: false }).first().waitFor({ timeout: 15000 })
    const fixed = await api<CaseRecord>('GET', `/dept/cases/${caseId}`)
    expect(fixed.content.values['food-safety-manager']).toBe('王芳芳')
    expect(fixed.matters.flatMap((m) => m.timeline).filter((e) => e.note.startsWith('申请人已补正'))).toHaveLength(fixed.supplement!.matterIds!.length)
    await snap('supplement-done')

    // every matter decided on the clock; the e-licence and the EMS waybill
    await advance({ workingDays: 10 })
    await page.reload()
    await page.getByText('已办结，待评价').first().waitFor()
    expect(await text()).toContain('已放入您的卡包')
    expect(await text()).toContain('EMS 运单号')
    await snap('concluded')
    // the e-licence is the citizen's now, for later bundles
    expect((await (await citizen()).listLicences()).map((l) => l.kind)).toContain('foodLicence')

    // 不满意 without an indicator is refused at the field, then sent with one
    await page.getByRole('radio', { name: '不满意', exact: true }).click()
    await tap('提交评价')
    await page.getByText('选择“不满意”时，请至少选择一项不满意的方面').first().waitFor()
    await page.getByRole('checkbox', { name: '办事效率' }).click()
    await page.getByRole('textbox', { name: /意见和建议/ }).fill('现场核查等了很久')
    await snap('rating')
    await tap('提交评价')
    // sent: 我的评价; not sent: the form says why (and the test says it too)
    const refused = page.locator('#rating').getByRole('alert')
    await page.getByRole('group', { name: '我的评价' }).or(refused).waitFor()
    if (await refused.count()) throw new Error(`评价未提交：${await refused.textContent()}`)
    expect(await text()).toMatch(/部门将在 (\d+年)?\d+月\d+日（周.） 前联系您/)
    expect(await text()).toContain('差评回访中')
    await snap('follow-up')
    const { ratings } = await api<{ ratings: { ratingId: string; evaluation: { comment?: string } }[] }>('GET', '/dept/ratings')
    const rating = ratings.find((x) => x.evaluation.comment === '现场核查等了很久')!
    expect(JSON.stringify(rating)).not.toContain(caseId)
    await api('POST', `/dept/ratings/${rating.ratingId}/follow-up`, { kind: 'answer', text: '已增加现场核查人手，预约后 1 个工作日内上门', department: '市场监督管理局' })
    await page.reload()
    await page.getByText(/已增加现场核查人手/).waitFor()
    await snap('follow-up-answered')
    // a rating is final
    expect(await page.getByRole('button', { name: '提交评价' }).count()).toBe(0)
  })
}, 300000)

test('不予受理 shows the reason and the remedies; withdrawal after a confirmation; paying at the cashier', async () => {
  await signedInPage()
  await withScreenshotOnFailure(page, 'case-refusal', async () => {
    const refused = await fileCase('bianlidian')
    await dept(refused.id, 'reject', { matterId: refused.matters[0].matterId, reason: '经营场所不在本区受理范围' })
    await openCase(refused.id)
    await page.getByRole('group', { name: '不予受理' }).waitFor()
    expect(await page.getByRole('group', { name: '不予受理' }).innerText()).toMatch(/行政复议：自知道该决定之日起 60 日内（(\d+年)?\d+月\d+日（周.）前）/)
    expect(await text()).toContain('行政诉讼：自知道该决定之日起 6 个月内')
    await snap('rejected')

    const withdrawing = await fileCase('bianlidian')
    await openCase(withdrawing.id)
    await tap('撤回申请')
    await page.getByRole('alertdialog', { name: '确认撤回申请' }).waitFor()
    await snap('withdraw-confirm')
    await tap('确认撤回')
    await page.getByText(/撤回申请，部门不再办理/).first().waitFor()
    expect((await api<CaseRecord>('GET', `/dept/cases/${withdrawing.id}`)).status).toBe('withdrawn')
    await snap('withdrawn')

    // 二手房: 不动产登记费 after 受理; the clock waits; paid once at the cashier; the receipt in the case
    const house = await fileCase('ershoufang')
    await dept(house.id, 'accept', { matterId: 'transfer' })
    await openCase(house.id)
    await page.getByText('待缴费：80 元').waitFor()
    expect(await text()).toContain('缴费期间不计时')
    await snap('payment-due')
    await tap(/^缴纳 80 元（/)
    await page.getByRole('heading', { name: '统一公共支付平台' }).waitFor()
    await snap('cashier')
    await page.getByRole('button', { name: '确认支付' }).click()
    await page.getByRole('group', { name: '电子票据' }).waitFor({ timeout: 15000 })
    await snap('paid')
    const paid = await api<CaseRecord>('GET', `/dept/cases/${house.id}`)
    expect(paid.matters.find((m) => m.matterId === 'transfer')!.fee).toMatchObject({ status: 'paid' })
  })
}, 180000)

test('a stalled case turns yellow, then red with the 12345 text, as the clock advances', async () => {
  await signedInPage()
  await withScreenshotOnFailure(page, 'case-clock', async () => {
    const c = await fileCase('kaiban-canyin')
    const promised = c.matters.find((m) => m.caseType === 'promised')!
    await dept(c.id, 'accept', { matterId: promised.matterId })
    await api('POST', `/admin/cases/${c.id}/stall`, { stalled: true })
    await page.goto(`${platform.url}/#/pages/my-cases/index`)
    await heading1('我的办件').waitFor()
    const card = page.locator('.ui-case-item').filter({ hasText: c.id })
    await card.getByText('绿牌').waitFor()
    await advance({ workingDays: c.limit.value - 1 })
    await page.reload()
    await card.getByText('黄牌').waitFor()
    expect(await card.innerText()).toMatch(/即将到期：剩余 1 个工作日/)
    await snap('yellow')
    await advance({ workingDays: 2 })
    await page.reload()
    await card.getByText('红牌').waitFor()
    expect(await card.innerText()).toMatch(/已超过承诺时限 1 个工作日，可拨打 12345 反映/)
    await snap('red')
    expect(await axeViolations(page)).toEqual([])
    // told once each in 消息
    await page.goto(`${platform.url}/#/pages/messages/index`)
    await page.getByText('办件已超过承诺时限').first().waitFor()
    await snap('messages-red')
    const outbox = await api<{ outbox: { channel: string; to: string }[] }>('GET', `/dev/outbox?caseId=${c.id}`)
    expect(outbox.outbox.some((o) => o.channel === 'sms' && o.to === '138****0001')).toBe(true)
  })
}, 120000)
