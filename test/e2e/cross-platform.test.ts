// One citizen (刘洋), two platforms, one mock platform: the H5 build in Chromium and the WeChat build in the
// headless WeChat runtime (test/weapp/support). A draft begun in Chromium resumes on WeChat with every answer
// and the place it was left; a change made on WeChat shows in Chromium; different fields changed on both stay;
// the same field changed on both is asked once, on the platform that saved second.
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import type { DraftRecord } from '@/services/contract'
import { ROUTES, WeappDriver, WeappRuntime } from '../weapp/support'
import { withScreenshotOnFailure } from './support/browser'
import { ANSWERS, BUSINESS_NAME, devicesForEachTest, openDrafts, platformHolds, signInOnTheForm, toTheForm } from './support/drafts'
import { Driver, until } from './support/journeys'

const env = devicesForEachTest()
let page: Page
let app: WeappRuntime | undefined

beforeEach(async () => {
  page = await env.phone()
})
afterEach(async () => {
  await app?.close()
  app?.assertHealthy()
  app = undefined
})

/** WALK_SHOTS=<dir>: the Chromium side of the walk-through, and the WeChat page's text beside it */
async function record(name: string): Promise<void> {
  const dir = process.env.WALK_SHOTS
  if (!dir) return
  fs.mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: path.join(dir, `x-${name}-chromium.png`) })
  if (app) fs.writeFileSync(path.join(dir, `x-${name}-wechat.txt`), `${app.page.route}\n\n${app.text()}\n`)
}

const box = (label: string) => page.getByRole('textbox', { name: label, exact: true })

/** the value WeChat's form shows in a text box ('' while it is not on the page) */
function wechatValue(label: string): string {
  const el = app!.allByRole('textbox', label)[0]
  return el ? String(app!.page.view.attribute(el.node, 'value') ?? '') : ''
}

/** the drafts as the WeChat app keeps them in its storage */
function wechatDrafts(): Record<string, { content: { answers: unknown; values: Record<string, string> } }> {
  const raw = app!.storage.get('yjs.drafts.v1')
  return (JSON.parse(String(raw)) as { state: { drafts: Record<string, { content: { answers: unknown; values: Record<string, string> } }> } }).state.drafts
}

/** Chromium: 开办餐饮店 to the form, signed in, the shop name typed and on the platform */
async function begunInChromium(name: string): Promise<DraftRecord> {
  const d = new Driver(page, env.platform.url)
  await toTheForm(d)
  await signInOnTheForm(d)
  await d.fill(BUSINESS_NAME, name)
  return platformHolds(env.citizen, (r) => r.content.values['business-name'] === name, 'the name typed in Chromium')
}

/** WeChat: 我的草稿 from the 我的 tab, signed in there with 微信一键登录, the draft resumed on its form */
async function resumedOnWechat(): Promise<WeappDriver> {
  app = await WeappRuntime.launch({ platformUrl: env.platform.url, account: { loginCode: 'dev-citizen-1', privacyAgreed: true } })
  const d = new WeappDriver(app)
  await app.waitForPage(ROUTES.home)
  await app.tapTab('我的')
  await app.waitForPage(ROUTES.me, '我的')
  await d.press(/^我的草稿/)
  await app.waitForPage(ROUTES.drafts, '我的草稿')
  await app.waitForText('登录后，您在其他手机、电脑上保存的草稿也会显示在这里')
  await d.press('登录')
  await app.waitForPage(ROUTES.login, '登录')
  await d.press('微信一键登录')
  await app.waitForPage(ROUTES.drafts, '我的草稿')
  // where the citizen left off in Chromium, and when, in Beijing time
  await app.waitForText(/上次到：填写信息 · \d+月\d+日 \d\d:\d\d 保存（(刚刚|\d+ 分钟前)）/)
  await record('wechat-drafts')
  await d.press('继续办理开办餐饮店')
  await app.waitForPage(ROUTES.form, '填写申请信息')
  return d
}

test('a draft begun in Chromium resumes on WeChat with every answer where it was left; a change made there shows in Chromium', async () => {
  await withScreenshotOnFailure(page, 'cross-resume', async () => {
    const { id, version } = await begunInChromium('跨端测试小馆')
    const d = await resumedOnWechat()
    await app!.waitFor(() => wechatValue(BUSINESS_NAME) === '跨端测试小馆', 'the shop name on WeChat')
    expect(wechatDrafts()[id].content.answers).toEqual(ANSWERS)
    expect(Object.keys(wechatDrafts())).toEqual([id])
    // resuming sent nothing
    await new Promise((r) => setTimeout(r, 2000))
    expect(app!.log.requests.filter((r) => r.method === 'PUT')).toEqual([])
    expect((await openDrafts(env.citizen))[0].version).toBe(version)

    // a change on WeChat, then the app goes to the background: on the platform at once
    await d.fill('从业人员人数', '6')
    const puts = () => app!.log.requests.filter((r) => r.method === 'PUT' && r.path.startsWith('/api/v1/drafts/')).length
    app!.background()
    await new Promise((r) => setTimeout(r, 50))
    // sent as the app went to the background, not after the 1.5 s of quiet
    expect(puts()).toBe(1)
    await platformHolds(env.citizen, (r) => r.content.values['employee-count'] === '6', 'the staff count typed on WeChat', 5000)
    await page.reload()
    await until(async () => (await box('从业人员人数').inputValue()) === '6', 'the WeChat change in Chromium after a reload')
    await record('chromium-shows-wechat-change')
    expect(await openDrafts(env.citizen)).toHaveLength(1)
  })
})

test('different fields changed in Chromium and on WeChat both stay; the same field changed on both asks once, on WeChat, with both values', async () => {
  await withScreenshotOnFailure(page, 'cross-merge', async () => {
    const { id } = await begunInChromium('小馆')
    const d = await resumedOnWechat()

    // different fields at the same time
    await d.fill('经营场所地址', '长沙市天心区示例路 8 号')
    await page.getByRole('textbox', { name: '从业人员人数', exact: true }).fill('7')
    app!.background()
    await platformHolds(env.citizen, (r) => r.content.values['premises-address'] === '长沙市天心区示例路 8 号' && r.content.values['employee-count'] === '7', 'both changes')
    app!.foreground()
    await app!.waitFor(() => wechatValue('从业人员人数') === '7', 'the Chromium change on WeChat back in the foreground')
    await page.reload()
    await until(async () => (await box('经营场所地址').inputValue()) === '长沙市天心区示例路 8 号', 'the WeChat change in Chromium')
    expect(app!.text()).not.toContain('在两台设备上改得不一样')

    // the same field: Chromium saves first, WeChat second
    await page.getByRole('textbox', { name: BUSINESS_NAME, exact: true }).fill('H5 上的小馆')
    await platformHolds(env.citizen, (r) => r.content.values['business-name'] === 'H5 上的小馆', 'the Chromium name')
    await d.fill(BUSINESS_NAME, '微信上的小馆')
    app!.background()
    app!.foreground()
    await app!.waitForText('“开办餐饮店”在两台设备上改得不一样')
    const asked = await app!.getByRole('radiogroup', BUSINESS_NAME)
    expect(app!.allByRole('radio', undefined, asked).map((r) => r.name)).toEqual(['本机：微信上的小馆', '另一台设备：H5 上的小馆'])
    expect(app!.allByRole('radiogroup').filter((g) => g.name !== '场所来源')).toHaveLength(1)
    await record('wechat-asked-once')
    await d.choose('本机：微信上的小馆', asked)
    await d.press('确认并合并')
    await platformHolds(env.citizen, (r) => r.content.values['business-name'] === '微信上的小馆', 'the name chosen on WeChat')
    await page.reload()
    await until(async () => (await box(BUSINESS_NAME).inputValue()) === '微信上的小馆', 'the choice in Chromium')
    expect(await page.locator('.ui-conflict').count()).toBe(0)
    const [held] = await openDrafts(env.citizen)
    expect(held).toMatchObject({ id, content: { values: { 'premises-address': '长沙市天心区示例路 8 号', 'employee-count': '7', 'business-name': '微信上的小馆' } } })
    await record('chromium-after-choice')
  })
})
