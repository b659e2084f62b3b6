// 线上预填、线下办理 with two browsers: the citizen (375×812 phone) prefills 开办餐饮店, books a slot at a hall
// instead of submitting, cancels and books again; the window PC (1280×900) types the booking's QR text, opens
// the prefilled application under the booking's grant, verifies an original, accepts the 容缺 with a reason, the
// citizen signs, the window submits; the citizen's 我的办件 has the case and the booking says 已办理. Audit rows
// = the window's accesses; axe clean on the booking page and the console.
import path from 'node:path'
import type { Page } from 'playwright-core'
import { bookingDayRefusal } from '@/domain/assist/booking'
import { toBeijingDate } from '@/domain/calendar'
import { axeViolations } from './support/axe'
import { withScreenshotOnFailure } from './support/browser'
import { Driver, PEOPLE, restaurant, signWithMouse } from './support/journeys'
import { contextsForEachTest } from './support/phone-page'
import { ADMIN_TOKEN } from './support/platform'

const run = contextsForEachTest()
const SHOTS = process.env.I13_SHOTS
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })
}

async function audit(): Promise<{ actorRole: string; what: string; record?: string }[]> {
  const r = await fetch(`${run.platform.url}/api/v1/admin/audit`, { headers: { 'X-Admin-Token': ADMIN_TOKEN } })
  return ((await r.json()) as { entries: { actorRole: string; what: string; record?: string }[] }).entries
}

/** the booked slot's start, as the citizen's own list says (read with the token their app keeps) */
async function bookedStart(citizen: Page, number: string): Promise<string> {
  const raw = await citizen.evaluate(() => window.localStorage.getItem('yjs.tokens.v1'))
  const outer = JSON.parse(raw!) as { data?: unknown }
  const tokens = JSON.parse(typeof outer.data === 'string' ? outer.data : raw!) as { accessToken: string }
  const r = await fetch(`${run.platform.url}/api/v1/bookings`, { headers: { Authorization: `Bearer ${tokens.accessToken}` } })
  return ((await r.json()) as { bookings: { id: string; start: string }[] }).bookings.find((b) => b.id === number)!.start
}

async function platformClock(): Promise<string> {
  const r = await fetch(`${run.platform.url}/api/v1/admin/clock`, { headers: { 'X-Admin-Token': ADMIN_TOKEN } })
  return ((await r.json()) as { now: string }).now
}

async function advanceClockHours(hours: number): Promise<void> {
  const r = await fetch(`${run.platform.url}/api/v1/admin/clock/advance`, { method: 'POST', headers: { 'X-Admin-Token': ADMIN_TOKEN, 'Content-Type': 'application/json' }, body: JSON.stringify({ hours }) })
  expect(r.status).toBe(200)
}

/** books the first free slot of the 天心区 hall from its second bookable day on */
async function bookFirstFreeSlot(citizen: Page, d: Driver): Promise<string> {
  await citizen.getByRole('radio', { name: /长沙市天心区政务服务中心/ }).click()
  const dates = citizen.getByRole('radiogroup', { name: '日期' }).getByRole('radio')
  await dates.first().waitFor()
  const slots = citizen.getByRole('radiogroup', { name: /^时段/ }).getByRole('radio')
  // from the second bookable day: the window may open a booking only on its day, so the test always sees that
  // refusal and then moves the platform's clock to the slot
  for (let i = 1; i < (await dates.count()); i++) {
    await dates.nth(i).click()
    await citizen.getByRole('radiogroup', { name: /^时段/ }).or(citizen.getByText('这一天已没有可预约的时段，请选择其他日期。')).first().waitFor()
    if (await slots.count()) break
  }
  // nothing chosen yet: the rulebook's words at the field, nothing sent
  await d.press('确认预约')
  await citizen.getByText('请选择预约时段').waitFor()
  const label = (await slots.first().innerText()).trim()
  await slots.first().click()
  await d.press('确认预约')
  await citizen.getByRole('heading', { name: '请按预约时间到窗口出示此码' }).waitFor()
  return label
}

test('线上预填、线下办理: prefilled online, booked, cancelled and booked again; the window opens it by QR, verifies, the citizen signs, the window submits; the citizen sees the case', async () => {
  const citizen = await run.track(await run.browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage()
  const clerk = await run.track(await run.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage()
  const d = new Driver(citizen, run.platform.url)
  const earlier = (await audit()).length

  const number = await withScreenshotOnFailure(citizen, 'booking-citizen', async () => {
    await restaurant(d)
    await d.press('到窗口办理（预约）')
    await d.heading1('预约到窗口办理').waitFor()
    await d.press('确认预约')
    await citizen.getByText('请选择办理的服务大厅').waitFor()
    await shot(citizen, '01-booking-form')
    expect(await axeViolations(citizen)).toEqual([])
    const first = await bookFirstFreeSlot(citizen, d)
    // cancelling asks first; then the form is back and the same slot is free again
    await d.press(/^取消预约 YY/)
    await citizen.locator('.taro__modal').getByText('确定取消', { exact: true }).click()
    await citizen.getByRole('heading', { name: '选择服务大厅和时段' }).waitFor()
    await citizen.getByText(/开办餐饮店 · 已取消/).first().waitFor()
    const again = await bookFirstFreeSlot(citizen, d)
    expect(again).toBe(first)
    await citizen.getByRole('img', { name: /^预约号 YY\d{8} 的二维码，供窗口扫描/ }).waitFor()
    const text = (await citizen.locator('body').innerText()).replace(/\s+/g, ' ')
    expect(text).toMatch(/预约号 YY\d{4} \d{4} 示例/)
    // reload: the booking stands; 返回: the application is where it was, and the booking page again
    await citizen.reload()
    await citizen.getByRole('heading', { name: '请按预约时间到窗口出示此码' }).waitFor()
    await shot(citizen, '02-booking-qr')
    expect(await axeViolations(citizen)).toEqual([])
    await citizen.getByRole('button', { name: /返回/ }).first().click()
    await d.heading1('核对申请信息').waitFor()
    await citizen.getByText('湘味小馆').first().waitFor()
    // filing it online as well is refused in the rulebook's words (the window will file it: one case), nothing lost
    await d.tap(citizen.locator('#submit-button:visible'))
    await citizen.getByText(/^您已预约到窗口办理该事项（预约号 YY\d{8}），为免重复办理/).waitFor()
    await shot(citizen, '02b-online-refused')
    await citizen.getByText('湘味小馆').first().waitFor()
    await d.press('到窗口办理（预约）')
    await citizen.getByRole('heading', { name: '请按预约时间到窗口出示此码' }).waitFor()
    return /预约号 (YY\d{4}) (\d{4})/.exec(text)!.slice(1).join('')
  })
  expect(citizen.url()).not.toContain(PEOPLE.father.idNumber)

  // the window: what a USB scanner types (the QR's text and Enter)
  let windowAccesses = 0
  clerk.on('response', (res) => {
    const p = new URL(res.url()).pathname
    if (!p.startsWith('/api/v1/') || res.status() >= 300) return
    if (p === '/api/v1/staff/bookings/open') windowAccesses++
    else if (!p.startsWith('/api/v1/staff/') && res.request().headers()['x-acting-grant']) windowAccesses++
  })
  const w = new Driver(clerk, run.platform.url)
  const caseId = await withScreenshotOnFailure(clerk, 'booking-window', async () => {
    await clerk.goto(run.platform.url + '/#/pages/staff/home/index')
    await clerk.getByRole('textbox', { name: '工作账号' }).fill('staff02')
    await clerk.getByRole('textbox', { name: '密码' }).fill('Window@2026')
    await clerk.keyboard.press('Enter')
    const box = clerk.getByRole('textbox', { name: '授权码、短信授权码、预约号或办件编号' })
    await box.fill('HNYJS:BOOKING:YY12')
    await box.press('Enter')
    await clerk.getByText('预约二维码内容不完整，请让申请人刷新后重新扫描').waitFor()
    // booked for a later day: the window is refused until that day, then the platform's clock is moved to half an
    // hour before the slot
    const start = await bookedStart(citizen, number)
    const platformNow = await platformClock()
    if (toBeijingDate(platformNow) < toBeijingDate(start)) {
      await box.fill(`HNYJS:BOOKING:${number}`)
      await box.press('Enter')
      await clerk.getByText(bookingDayRefusal(start, platformNow)!).waitFor()
      await shot(clerk, '03a-window-booking-not-yet')
      await advanceClockHours((Date.parse(start) - 30 * 60_000 - Date.parse(platformNow)) / 3_600_000)
    }
    await box.fill(`HNYJS:BOOKING:${number}`)
    await box.press('Enter')
    await clerk.getByText('正在为 刘* 代办：开办餐饮店').waitFor()
    await clerk.getByText(new RegExp(`预约号 ${number}`)).waitFor()
    expect(await clerk.getByText(PEOPLE.father.idNumber).count()).toBe(0)
    await shot(clerk, '03-window-booking-opened')
    expect(await axeViolations(clerk)).toEqual([])
    await w.press('打开预填的申请')
    await w.heading1('核对申请信息').waitFor()
    await clerk.getByText('湘味小馆').first().waitFor()
    await clerk.getByRole('status').filter({ hasText: '代办中：为 刘* 办理“开办餐饮店”' }).waitFor()
    // originals: the window checks the uploaded layout against the paper and writes why the health cert waits
    await w.press('修改：从业人员健康证明')
    await w.heading1('准备材料').waitFor()
    await w.check('原件已核验：扫描件与申请人出示的原件一致', clerk.locator('#m-layout'))
    await w.fill('容缺受理的理由（窗口填写）', '健康证明正在办理，申请人承诺 5 个工作日内补交', clerk.locator('#m-health-cert'))
    await w.press('继续')
    await w.heading1('办理方式与结果领取').waitFor()
    await w.press('继续')
    await w.heading1('核对申请信息').waitFor()
    await signWithMouse(clerk)
    await shot(clerk, '04-window-signed')
    return (await w.submit()).caseId
  })
  expect(caseId).toMatch(/^HN\d{13}$/)

  await withScreenshotOnFailure(citizen, 'booking-citizen-case', async () => {
    await citizen.goto(run.platform.url + '/#/pages/my-cases/index')
    await citizen.getByText(caseId).first().waitFor()
    await shot(citizen, '05-citizen-my-cases')
    await citizen.goto(run.platform.url + '/#/pages/account/booking/index')
    await d.heading1('我的预约').waitFor()
    await citizen.getByText(/开办餐饮店 · 已办理/).first().waitFor()
    await citizen.getByRole('button', { name: `查看办件 ${caseId}` }).waitFor()
    await shot(citizen, '06-citizen-booking-done')
    expect(await axeViolations(citizen)).toEqual([])
  })

  // one audit row per answered access of the window; the booking's opening is one the citizen can read
  const rows = (await audit()).slice(earlier).filter((x) => x.actorRole === 'staff')
  expect(rows).toHaveLength(windowAccesses)
  expect(rows.filter((x) => x.record === number && x.what === '打开预约，查看预填的申请')).toHaveLength(1)
}, 180_000)
