// The window's console in the axe sweep, on a desktop (1280×900) and a tablet (768×1024): sign-in, the console
// with its queue and 在线咨询 desk, a case opened from the queue, a citizen's 授权码 opened, and the guide filled
// under that grant. Zero axe violations (WCAG 2.0/2.1/2.2 A and AA), no sideways scrolling, targets ≥ 24 px.
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { fillDraft, makeClient, submitConfirmed, uploader } from '../contract/support/harness'
import { newIdempotencyKey } from '@/services/platform'
import { createConsultClient } from '@/services/platform/consult'
import { axeViolations } from './support/axe'
import { withScreenshotOnFailure } from './support/browser'
import { PEOPLE, SMS_CODE } from './support/journeys'
import { layout } from './support/layout'
import { contextsForEachTest } from './support/phone-page'
import { repoRoot } from './support/platform'

const run = contextsForEachTest()
const SHOTS = process.env.SHOTS_DIR
const WIDTHS = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'tablet', viewport: { width: 768, height: 1024 } },
] as const
const rows: string[] = []

/** 刘洋, signed in through the platform client (his journey in the app is tested elsewhere) */
async function citizen() {
  const c = makeClient(run.platform.url, { adminToken: undefined })
  await c.sendSmsCode(PEOPLE.father.mobile).catch(() => undefined)
  await c.loginSms(PEOPLE.father.mobile, SMS_CODE)
  return c
}

async function check(page: Page, width: string, state: string, problems: string[]): Promise<void> {
  await page.waitForTimeout(200)
  if (SHOTS) {
    fs.mkdirSync(SHOTS, { recursive: true })
    await page.screenshot({ path: path.join(SHOTS, `staff-${width}-${state}.png`), fullPage: true })
  }
  const violations = await axeViolations(page)
  const m = await layout(page)
  rows.push(`| ${state} | ${width} | ${violations.length} | ${m.minFont} px | ${Math.round(m.minTarget)} px | ${m.screens} |`)
  for (const v of violations) problems.push(`${state} (${width}): axe ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  if (m.sideways) problems.push(`${state} (${width}): scrolls sideways`)
  if (m.minTarget < 24) problems.push(`${state} (${width}): a ${Math.round(m.minTarget)} px target (${m.minTargetName})`)
}

afterAll(() => {
  const table = ['| state | width | axe | smallest text | smallest target | height (screens) |', '|---|---|---|---|---|---|', ...rows].join('\n')
  fs.mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true })
  fs.writeFileSync(path.join(repoRoot, 'test-results', 'staff-a11y.md'), table + '\n')
  console.log(table)
})

let caseId = ''
beforeAll(async () => {
  // a case waiting in 长沙市政务服务中心's queue and a question for its desk
  const c = await citizen()
  const profile = await c.me()
  const licences = (await c.listLicences()).map((l) => l.kind)
  for (const kind of licences) await c.consentLicence(kind)
  const t = await c.getBundle('linghuo-jiuye')
  const content = await fillDraft(t, { profile, licences, upload: uploader(c, t.id), now: (await c.health()).time })
  caseId = (await submitConfirmed(c, t, content, citizen)).id
  await createConsultClient(c).askQuestion({ bundleId: 'kaiban-canyin', question: '营业执照和食品经营许可证能一起办吗？' }, newIdempotencyKey())
})

for (const { name, viewport } of WIDTHS) {
  test(`the window's console at ${viewport.width} px: axe clean in every state`, async () => {
    const page = await run.track(await run.browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage()
    const problems: string[] = []
    const tap = (label: string | RegExp) => page.getByRole('button', { name: label, exact: typeof label === 'string' }).first().click()
    await withScreenshotOnFailure(page, `staff-a11y-${name}`, async () => {
      await page.goto(`${run.platform.url}/#/pages/staff/home/index`)
      await page.getByRole('heading', { level: 1, name: '窗口工作台' }).waitFor()
      await page.getByRole('textbox', { name: '工作账号' }).waitFor()
      await check(page, name, '登录', problems)
      await page.getByRole('textbox', { name: '工作账号' }).fill('staff03')
      await page.getByRole('textbox', { name: '密码' }).fill('Window@2026')
      await tap('登录')
      await page.getByRole('button', { name: `受理审查 ${caseId}` }).waitFor()
      await page.getByRole('heading', { level: 2, name: /^在线咨询（待答复 [1-9]\d* 条）$/ }).waitFor()
      await check(page, name, '工作台：待受理与在线咨询', problems)

      await page.getByRole('button', { name: `受理审查 ${caseId}` }).click()
      await page.getByText(caseId).nth(1).waitFor()
      await page.getByRole('button', { name: /受理/ }).first().waitFor()
      await check(page, name, '办件受理审查', problems)

      // 刘洋 gives this hall a 30-minute 授权码 for 开办餐饮店; the window opens it and files under it
      const c = await citizen()
      const grant = await c.createGrant({ grantee: 'staff', scope: { kind: 'bundle', bundleId: 'kaiban-canyin' }, hallId: 'hall-430100', minutes: 30 })
      const box = page.getByRole('textbox', { name: '授权码、短信授权码、预约号或办件编号' })
      await box.fill(grant.code ?? '')
      await box.press('Enter')
      await page.getByRole('button', { name: '开始填写申请' }).waitFor()
      await check(page, name, '已打开授权码', problems)
      await tap('开始填写申请')
      await page.getByRole('heading', { level: 1, name: /开办餐饮店/ }).waitFor()
      await page.getByText(/代办中/).filter({ visible: true }).first().waitFor()
      await check(page, name, '代办：办事指南', problems)
      await tap('开始办理')
      await page.getByRole('heading', { level: 1, name: '您已经领到这家店的营业执照了吗？' }).waitFor()
      await check(page, name, '代办：问题', problems)
    })
    expect(problems).toEqual([])
  })
}
