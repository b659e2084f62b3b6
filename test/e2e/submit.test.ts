// Submit exactly once, the confirmation, and drafts that follow the citizen to another browser, on the
// production H5 build with the mock platform.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { launchBrowser, newPhoneContext, withScreenshotOnFailure } from './support/browser'
import { startPlatform, type RunningPlatform } from './support/platform'

const MOBILE = '13807310001' // 刘洋 in mock/fixtures/users.ts
const ID_NUMBER = '430104199605121238'
const ADMIN = { 'X-Admin-Token': 'dev-admin', 'Content-Type': 'application/json' }

let platform: RunningPlatform
let browser: Browser
let contexts: BrowserContext[] = []

beforeAll(async () => {
  platform = await startPlatform()
  browser = await launchBrowser()
}, 60000)
afterAll(async () => {
  await browser?.close()
  await platform?.stop()
})
afterEach(async () => {
  for (const c of contexts) await c.close()
  contexts = []
})

async function newPage(): Promise<Page> {
  const ctx = await newPhoneContext(browser)
  contexts.push(ctx)
  return ctx.newPage()
}

const heading1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name })
const tap = (page: Page | Locator, name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' }).click()
const choose = (scope: Page | Locator, name: string) => scope.getByRole('radio', { name, exact: true }).click()

async function answer(page: Page, question: string | RegExp, act: () => Promise<void>) {
  await heading1(page, question).waitFor()
  await act()
  await tap(page, '继续')
}

async function signInBySms(page: Page) {
  await heading1(page, '登录').waitFor()
  await page.getByRole('textbox', { name: '手机号码' }).fill(MOBILE)
  await tap(page, '获取验证码')
  await page.getByText('验证码已发送，请查看短信').waitFor()
  await page.getByRole('textbox', { name: '短信验证码' }).fill('123456')
  await tap(page, '登录')
}

async function setFaults(faults: unknown[]) {
  const r = await fetch(`${platform.url}/api/v1/admin/faults`, { method: 'POST', headers: ADMIN, body: JSON.stringify({ faults }) })
  expect(r.status).toBe(200)
}

async function caseCount(): Promise<number> {
  const r = await fetch(`${platform.url}/api/v1/admin/cases?bundleId=kaiban-canyin`, { headers: ADMIN })
  return ((await r.json()) as { cases: unknown[] }).cases.length
}

/** 开办餐饮店 (40 ㎡, no tobacco) from the guide to 核对申请信息, with a 告知承诺 and an upload. */
async function toReview(page: Page) {
  await page.goto(`${platform.url}/#/pages/journey/guide/index?bundle=kaiban-canyin`)
  await heading1(page, '开办餐饮店').waitFor()
  await tap(page, '开始办理')
  await answer(page, '您已经领到这家店的营业执照了吗？', () => choose(page, '否'))
  await answer(page, '您打算以什么身份开店？', () => choose(page, '个体工商户'))
  await answer(page, '店面的使用面积有多大？', () => page.getByRole('textbox', { name: '店面的使用面积有多大？' }).fill('40'))
  await answer(page, '开这家店总共打算投入多少钱？', () => page.getByRole('textbox', { name: '开这家店总共打算投入多少钱？' }).fill('20'))
  await answer(page, /店里会卖下面这些吗/, () => page.getByRole('checkbox', { name: '以上都没有' }).click())
  await answer(page, '店里卖不卖香烟？', () => choose(page, '否'))
  await answer(page, /招牌/, () => choose(page, '否'))

  await heading1(page, '填写申请信息').waitFor()
  await tap(page, '登录后继续')
  await signInBySms(page)
  await heading1(page, '填写申请信息').waitFor()
  await page.getByRole('textbox', { name: '店名（营业执照上的名称）' }).fill('湘味小馆')
  await page.getByRole('textbox', { name: '经营场所地址' }).fill('长沙市岳麓区麓山南路 100 号')
  await choose(page, '租赁')
  await page.getByRole('textbox', { name: '从业人员人数' }).fill('4')
  await page.getByRole('textbox', { name: '食品安全管理人员姓名' }).fill('王芳')
  await page.getByRole('textbox', { name: '食品安全管理人员手机号码' }).fill('13807310009')
  await tap(page, '继续')

  await heading1(page, '准备材料').waitFor()
  const idCard = page.locator('#m-id-card')
  await tap(idCard, '同意使用电子居民身份证')
  await idCard.getByText('✓ 已关联电子居民身份证，无需上传').waitFor()
  for (const m of ['#m-premises-proof', '#m-food-safety-rules']) {
    const box = page.locator(m)
    await choose(box, '告知承诺：以承诺代替证明')
    await box.getByRole('checkbox', { name: '我已阅读上述内容，自愿作出承诺' }).click()
  }
  const layout = page.locator('#m-layout')
  const chooser = page.waitForEvent('filechooser')
  await layout.getByRole('button', { name: /选择文件/ }).click()
  await (await chooser).setFiles({ name: '布局图.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') })
  await layout.getByText('平台已接收，格式检查通过').waitFor()
  await choose(page.locator('#m-health-cert'), '稍后补交（容缺受理）')
  await tap(page, '继续')

  await heading1(page, '办理方式与结果领取').waitFor()
  await choose(page, '全程网办')
  await choose(page, '免费邮寄（EMS）')
  await choose(page.getByRole('radiogroup', { name: '收件地区' }), '长沙市')
  await tap(page, '继续')
  await heading1(page, '核对申请信息').waitFor()
}

test('开办餐饮店: a draft follows to another browser, refusal lands at the field, faults and a double tap make one case, the confirmation stays', async () => {
  const page = await newPage()
  const urls: string[] = []
  page.on('request', (r) => urls.push(r.url()))
  await withScreenshotOnFailure(page, 'submit-canyin', async () => {
    await toReview(page)

    const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ')
    expect(text).toContain('湘味小馆')
    expect(text).toContain('布局图.pdf')

    // the same person on another browser finds the draft in 我的草稿 and resumes with every answer
    await page.waitForTimeout(2500) // background sync (1.5 s after the last change)
    const other = await newPage()
    await other.goto(`${platform.url}/#/pages/login/index`)
    await signInBySms(other)
    await other.waitForTimeout(500)
    await other.goto(`${platform.url}/#/pages/journey/drafts/index`)
    await heading1(other, '我的草稿').waitFor()
    await other.getByText('开办餐饮店').waitFor()
    await tap(other, /继续办理/)
    await heading1(other, '核对申请信息').waitFor()
    const otherText = (await other.locator('body').innerText()).replace(/\s+/g, ' ')
    expect(otherText).toContain('湘味小馆')
    expect(otherText).toContain('经营场所使用证明 告知承诺')
    expect(otherText).toContain('布局图.pdf')
    await other.context().close()
    contexts = contexts.filter((c) => c !== other.context())

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
    await page.getByText('该名称已被他人登记，请换一个店名').waitFor()
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
    await page.locator('#submit-button').click()
    await page.locator('#submit-button').click({ force: true })
    await heading1(page, '提交成功').waitFor({ timeout: 30000 })
    await setFaults([])
    expect(await caseCount()).toBe(1)
    expect(platform.logs()).toContain('模拟断线')

    const caseNo = (await page.locator('.ui-case-no').innerText()).trim()
    expect(caseNo).toMatch(/^HN\d{13}$/)
    expect(page.url()).toContain(`case=${caseNo}`)
    await page.getByRole('img', { name: `办件编号 ${caseNo} 的二维码` }).waitFor()
    const done = (await page.locator('body').innerText()).replace(/\s+/g, ' ')
    expect(done).toMatch(/填写 \d+ 项而不是 \d+ 项，上传 \d+ 份材料而不是 \d+ 份，跑 0 次/)
    expect(done).toMatch(/\d{4}-\d{2}-\d{2} 前办结/)
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
