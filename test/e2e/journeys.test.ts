// Full journeys from the home page on the production H5 build with the mock platform, each to the
// confirmation: 新生儿出生 with e-licences and 企业开办 as a firm. At a point of every step (a question, the
// form, the materials, the delivery, 核对信息) the page is reloaded and must come back exactly as it was.
// The driving steps are shared with `npm run bench` (support/journeys.ts).
import type { Page } from 'playwright-core'
import { axeViolations } from './support/axe'
import { withScreenshotOnFailure } from './support/browser'
import { phonePageForEachTest } from './support/phone-page'
import { Driver, firm, newborn, PEOPLE, type StepName } from './support/journeys'
import { ADMIN_TOKEN } from './support/platform'
import { reloadAndCompare } from './support/reload'

const ADMIN = { 'X-Admin-Token': ADMIN_TOKEN, 'Content-Type': 'application/json' }

const setup = phonePageForEachTest()
let platform: typeof setup.platform
let page: Page
let urls: string[]

beforeEach(() => {
  platform = setup.platform
  page = setup.page
  urls = []
  page.on('request', (r) => urls.push(r.url()))
  page.on('framenavigated', (f) => urls.push(f.url()))
})

/** Reloads at each step's checkpoint: the same route, heading, values, choices and text come back. */
function reloadingDriver(): { driver: Driver; reloaded: StepName[] } {
  const reloaded: StepName[] = []
  const driver = new Driver(page, platform.url, {
    onStep: async (step) => {
      const { before, after } = await reloadAndCompare(page)
      expect(after).toEqual(before)
      reloaded.push(step)
    },
  })
  return { driver, reloaded }
}

async function cases(bundleId: string): Promise<{ id: string; templateVersion: number; content: { values: Record<string, string> }; delivery?: { method: string; hallId?: string } }[]> {
  const r = await fetch(`${platform.url}/api/v1/admin/cases?bundleId=${bundleId}`, { headers: ADMIN })
  return ((await r.json()) as { cases: [] }).cases
}

async function setFaults(faults: unknown[], seed = 7) {
  const r = await fetch(`${platform.url}/api/v1/admin/faults`, { method: 'POST', headers: ADMIN, body: JSON.stringify({ seed, faults }) })
  expect(r.status).toBe(200)
}

test('新生儿出生 from the home page with the mother’s e-licences: reloads keep everything, a refused choice lands on its field, the hall is named', async () => {
  await withScreenshotOnFailure(page, 'journeys-newborn', async () => {
    const { driver: d, reloaded } = reloadingDriver()
    await newborn(d)
    expect(reloaded).toEqual(['question', 'form', 'materials', 'delivery', 'review'])

    // the form was filled from the e-licences: nothing of the baby or the parents typed
    const review = (await page.locator('body').innerText()).replace(/\s+/g, ' ')
    expect(review).toContain('出生医学证明 使用电子证照')
    expect(review).toContain('结婚证 使用电子证照')
    expect(review).toContain('窗口自取：长沙市政务服务中心')
    expect(review).not.toContain(PEOPLE.mother.idNumber)
    expect(await axeViolations(page)).toEqual([])

    // the platform refuses a choice: the citizen lands on it in the form, focused, with the platform's message
    let refused = 0
    await page.route('**/api/v1/cases', async (route) => {
      if (route.request().method() !== 'POST' || refused++ > 0) return route.fallback()
      await route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ error: { code: 'VALIDATION', message: '提交的内容有 1 处需要修改', fieldErrors: { relationToHouseholder: '宝宝与户主的关系应与户口簿一致，请重新选择' } } }) })
    })
    await d.tap(page.locator('#submit-button:visible'))
    await d.heading1('填写申请信息').waitFor()
    const group = page.getByRole('radiogroup', { name: '宝宝与户主的关系' })
    const message = page.locator('#f-relationToHouseholder-error')
    await message.waitFor()
    await expect(message.innerText()).resolves.toContain('宝宝与户主的关系应与户口簿一致，请重新选择')
    await expect(group.getAttribute('aria-describedby')).resolves.toContain('f-relationToHouseholder-error')
    await expect(group.getByRole('radio', { name: '子', exact: true }).evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    await d.choose('女', group)
    await message.waitFor({ state: 'detached' })
    await d.press('继续')
    await d.heading1('核对申请信息').waitFor()
    expect((await page.locator('body').innerText()).replace(/\s+/g, ' ')).toContain('宝宝与户主的关系 女')

    const done = await d.submit()
    expect(done.caseId).toMatch(/^HN\d{13}$/)
    // 窗口自取 is a trip, and it says where to
    expect(done.burden).toMatch(/^填写 \d+ 项而不是 \d+ 项，上传 0 份材料而不是 \d+ 份，跑 1 次：到长沙市政务服务中心领取办理结果$/)
    const confirmation = (await page.locator('body').innerText()).replace(/\s+/g, ' ')
    expect(confirmation).toContain('窗口自取：长沙市政务服务中心（长沙市岳麓区岳麓大道（长沙市民之家））')
    const [rec] = await cases('xinshenger')
    expect(rec.delivery).toEqual({ method: 'pickup', hallId: 'hall-430100' })
    expect(rec.content.values.relationToHouseholder).toBe('daughter')

    expect(urls.filter((u) => u.includes(PEOPLE.mother.idNumber) || u.includes(PEOPLE.father.idNumber))).toEqual([])
  })
}, 120000)

test('企业开办 as a firm from 法人办事: reloads keep everything; submitted through timeouts, dropped answers, 5xx and a double tap → one case', async () => {
  await withScreenshotOnFailure(page, 'journeys-firm', async () => {
    const { driver: d, reloaded } = reloadingDriver()
    await firm(d)
    expect(reloaded).toEqual(['question', 'form', 'materials', 'delivery', 'review'])
    const review = (await page.locator('body').innerText()).replace(/\s+/g, ' ')
    expect(review).toContain('长沙湘味食品科技有限公司')
    expect(review).toContain('公司章程.pdf')
    expect(review).toContain('住所（主要经营场所）使用证明 告知承诺')
    expect(review).toContain('430105********1515')

    // the platform fails every try with 503: after the app's own retries, a clear message and no case
    await setFaults([{ route: 'POST /cases', errorRate: 1, latencyMs: 100 }])
    const button = page.locator('#submit-button:visible')
    await d.tap(button)
    await button.click({ force: true }) // a double tap
    await page.getByRole('alert').filter({ hasText: '平台暂时繁忙，申请尚未提交' }).waitFor({ timeout: 30000 })
    expect(await cases('qiye-kaiban')).toEqual([])

    // then the next try times out on the way, and the one after is processed but its answer is lost
    let tries = 0
    await page.route('**/api/v1/cases', async (route) => {
      if (route.request().method() !== 'POST' || tries++ > 0) return route.fallback()
      await route.abort('timedout')
    })
    await setFaults([{ route: 'POST /cases', dropRate: 1, latencyMs: 300 }])
    await d.press('重新提交申请')
    await button.click({ force: true }).catch(() => undefined) // tapped again while sending
    const done = await d.confirmation()
    await setFaults([])
    expect(tries).toBeGreaterThan(1)
    expect(platform.logs()).toContain('模拟断线')
    const all = await cases('qiye-kaiban')
    expect(all.map((c) => c.id)).toEqual([done.caseId])
    // the promise for the premises is said apart from the upload
    expect(done.burden).toMatch(/^填写 \d+ 项而不是 \d+ 项，上传 1 份材料而不是 \d+ 份，作出告知承诺 1 项，跑 0 次$/)
    expect((await page.locator('body').innerText()).replace(/\s+/g, ' ')).toContain('电子证照（不领取纸质结果）：办结后发送到您的电子证照卡包')

    // revisited later: the same record
    await page.reload()
    await d.heading1('提交成功').waitFor()
    await expect(page.locator('.ui-case-no').innerText()).resolves.toBe(done.caseId)
    expect(urls.filter((u) => u.includes(PEOPLE.firm.idNumber))).toEqual([])
  })
}, 120000)
