// Submit exactly once, the confirmation, and drafts that follow the citizen to another browser, on the
// production H5 build with the mock platform.
import type { Locator, Page } from 'playwright-core'
import { newPhoneContext, withScreenshotOnFailure } from './support/browser'
import { Driver, PEOPLE, restaurant } from './support/journeys'
import { contextsForEachTest } from './support/phone-page'
import { ADMIN_TOKEN } from './support/platform'

const MOBILE = PEOPLE.father.mobile
const ID_NUMBER = PEOPLE.father.idNumber
const ADMIN = { 'X-Admin-Token': ADMIN_TOKEN, 'Content-Type': 'application/json' }

const setup = contextsForEachTest()

async function newPage(): Promise<Page> {
  return setup.track(await newPhoneContext(setup.browser)).newPage()
}

const heading1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name })
const tap = (page: Page | Locator, name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' }).click()
async function signInBySms(page: Page) {
  await heading1(page, '登录').waitFor()
  await page.getByRole('textbox', { name: '手机号码' }).fill(MOBILE)
  await tap(page, '获取验证码')
  await page.getByText('验证码已发送，请查看短信').waitFor()
  await page.getByRole('textbox', { name: '短信验证码' }).fill('123456')
  await tap(page, '登录')
}

async function setFaults(faults: unknown[]) {
  const r = await fetch(`${setup.platform.url}/api/v1/admin/faults`, { method: 'POST', headers: ADMIN, body: JSON.stringify({ faults }) })
  expect(r.status).toBe(200)
}

async function caseCount(): Promise<number> {
  const r = await fetch(`${setup.platform.url}/api/v1/admin/cases?bundleId=kaiban-canyin`, { headers: ADMIN })
  return ((await r.json()) as { cases: unknown[] }).cases.length
}

test('开办餐饮店: a draft follows to another browser, refusal lands at the field, faults and a double tap make one case, the confirmation stays', async () => {
  const page = await newPage()
  const urls: string[] = []
  page.on('request', (r) => urls.push(r.url()))
  await withScreenshotOnFailure(page, 'submit-canyin', async () => {
    // from the home page to 核对申请信息: a 告知承诺 and an upload (the journey the bench counts)
    await restaurant(new Driver(page, setup.platform.url))

    const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ')
    expect(text).toContain('湘味小馆')
    expect(text).toContain('布局图.pdf')

    // the same person on another browser finds the draft in 我的草稿 and resumes with every answer
    await page.waitForTimeout(2500) // background sync (1.5 s after the last change)
    const other = await newPage()
    await other.goto(`${setup.platform.url}/#/pages/login/index`)
    await signInBySms(other)
    await other.waitForTimeout(500)
    await other.goto(`${setup.platform.url}/#/pages/journey/drafts/index`)
    await heading1(other, '我的草稿').waitFor()
    await other.getByText('开办餐饮店').waitFor()
    await tap(other, /继续办理/)
    await heading1(other, '核对申请信息').waitFor()
    const otherText = (await other.locator('body').innerText()).replace(/\s+/g, ' ')
    expect(otherText).toContain('湘味小馆')
    expect(otherText).toContain('经营场所使用证明 告知承诺')
    expect(otherText).toContain('布局图.pdf')
    await other.context().close()

    // the platform refuses a field the app did not know about: the citizen lands on it with the message
    let intercepted = 0
    await page.route('**/api/v1/cases', async (route) => {
      if (route.request().method() !== 'POST' || intercepted++ > 0) return route.fallback()
      await route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ error: { code: 'VALIDATION', message: '填写的内容有误', fieldErrors: { 'business-name': '该名称已被他人登记，请换一个店名' } } }) })
    })
    await tap(page, '提交申请')
    await page.getByRole('alert').filter({ hasText: '平台未受理' }).waitFor()
    const field = page.getByRole('textbox', { name: /店名/ })
    await expect(field.evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    await expect(page.locator('#fix-business-name-error').innerText()).resolves.toContain('该名称已被他人登记，请换一个店名')
    await field.fill('湘味小馆岳麓店')
    expect(await caseCount()).toBe(0)

    // 5xx on every try: a clear message, the draft untouched, no case
    await setFaults([{ route: 'POST /cases', errorRate: 1 }])
    await tap(page, '提交申请')
    await page.getByRole('alert').filter({ hasText: '平台暂时繁忙，申请尚未提交' }).waitFor({ timeout: 30000 })
    await heading1(page, '核对申请信息').waitFor()
    expect(await caseCount()).toBe(0)

    // slow network, the answer lost after processing, and a double tap: still one case
    await setFaults([{ route: 'POST /cases', dropRate: 1, latencyMs: 600 }])
    await page.locator('#submit-button:visible').click()
    await page.locator('#submit-button:visible').click({ force: true })
    await heading1(page, '提交成功').waitFor({ timeout: 30000 })
    await setFaults([])
    expect(await caseCount()).toBe(1)
    expect(setup.platform.logs()).toContain('模拟断线')

    const caseNo = (await page.locator('.ui-case-no').innerText()).trim()
    expect(caseNo).toMatch(/^HN\d{13}$/)
    expect(page.url()).toContain(`case=${caseNo}`)
    await page.getByRole('img', { name: `办件编号 ${caseNo} 的二维码` }).waitFor()
    const done = (await page.locator('body').innerText()).replace(/\s+/g, ' ')
    // promises and deferred materials are said apart from the upload
    expect(done).toMatch(/填写 \d+ 项而不是 \d+ 项，提交 2 份材料而不是 \d+ 份（上传 1 份、稍后补交 1 份），作出告知承诺 2 项，跑 0 次/)
    expect(done).toMatch(/\d{1,2}月\d{1,2}日（周[一二三四五六日]）前办结/)
    expect(done).toContain('食品小经营许可（小餐饮）（市场监督管理局）')
    expect(done).toContain('免费邮寄（EMS）')

    // revisiting shows the same record
    await page.reload()
    await heading1(page, '提交成功').waitFor()
    await expect(page.locator('.ui-case-no').innerText()).resolves.toBe(caseNo)
    await tap(page, '查看我的办件')
    await heading1(page, '我的办件').waitFor()
    await page.getByText(`办件编号 ${caseNo}`, { exact: false }).waitFor()

    expect(urls.filter((u) => u.includes(ID_NUMBER))).toEqual([])
  })
}, 240000)
