// What WeChat users expect, on the WeChat build in the headless runtime: the privacy prompt before personal
// information is used, sign-in with the phone-number button, sharing a guide (and opening the shared card cold),
// one back control, the journey preloaded from home, a relaunch that resumes the draft, large fonts and 长辈版.
import { newDraftId, newIdempotencyKey } from '@/services/platform'
import { fillDraft, makeClient, signIn, uploader } from '../contract/support/harness'
import { PDF, restaurantDelivery, restaurantMaterials, restaurantToMaterials, ROUTES, WeappDriver } from './support/journeys'
import { startMockPlatform, type MockPlatform } from './support/platform'
import { SCENES, WeappRuntime, type LaunchOptions } from './support/runtime'

let platform: MockPlatform
const running: WeappRuntime[] = []

beforeAll(async () => {
  platform = await startMockPlatform()
})
afterAll(() => platform.stop())
afterEach(async () => {
  for (const app of running.splice(0)) {
    await app.close()
    app.assertHealthy()
  }
})

async function launch(options: Omit<LaunchOptions, 'platformUrl'> = {}): Promise<WeappRuntime> {
  const app = await WeappRuntime.launch({ platformUrl: platform.url, ...options })
  running.push(app)
  return app
}

async function relaunch(app: WeappRuntime, options: Partial<LaunchOptions> = {}): Promise<WeappRuntime> {
  const next = await app.relaunch(options)
  app.assertHealthy()
  running.push(next)
  return next
}

/** 长辈版 is on when every page's root carries the `elder` class */
function elderMode(app: WeappRuntime): boolean {
  const frame = app.page.view.elements().find((n) => String(n.cl ?? '').split(/\s+/).includes('app-frame'))
  if (!frame) throw new Error(`no app-frame on ${app.page.route}`)
  return String(frame.cl).split(/\s+/).includes('elder')
}

describe('隐私保护指引', () => {
  test('the phone-number button waits for the privacy prompt: 不同意 refuses the number, 同意并继续 signs in', async () => {
    const app = await launch({ path: ROUTES.login, account: { phoneCode: 'dev-phone-13807310003' } })
    const d = new WeappDriver(app)
    await app.waitForPage(ROUTES.login, '登录')
    await d.press('手机号快捷登录')
    const prompt = await app.getByRole('dialog', '隐私保护提示')
    expect(prompt.text).toContain('使用手机号快捷登录前，请阅读并同意《湖南一件事一次办小程序隐私保护指引》')
    await d.press('不同意')
    await app.waitForText('您未同意隐私保护指引，无法使用手机号快捷登录；可以改用微信一键登录')
    expect(app.allByRole('dialog')).toHaveLength(0)
    expect(app.log.toasts).toContainEqual({ title: '未同意隐私保护指引，无法继续', icon: 'none' })
    expect(app.log.requests.filter((r) => r.path === '/api/v1/auth/wechat/phone')).toHaveLength(0)

    await d.press('手机号快捷登录')
    await d.press('查看《隐私保护指引》', await app.getByRole('dialog', '隐私保护提示'))
    expect(app.log.privacyContractOpened).toBe(1)
    await d.press('同意并继续')
    // alone on the stack, sign-in leads home, greeting the person whose number WeChat verified
    await app.waitForPage(ROUTES.home)
    await app.waitForText('王德明，您好。')
    expect(app.log.privacyPrompts).toEqual([
      { referrer: 'getPhoneNumber', answer: 'disagree' },
      { referrer: 'getPhoneNumber', answer: 'agree' },
    ])
    expect(app.log.requests.filter((r) => r.path === '/api/v1/auth/wechat/phone').map((r) => r.status)).toEqual([200])
    expect(app.log.calls).not.toContain('login')
  })

  test('choosing a file from a chat asks first; the agreement is remembered after a relaunch', async () => {
    const app = await launch({ account: { loginCode: 'dev-citizen-1' } })
    const d = new WeappDriver(app)
    await restaurantToMaterials(d)
    app.willPick([PDF])
    await d.press(/^选择文件/, await d.card('layout'))
    const prompt = await app.getByRole('dialog', '隐私保护提示')
    expect(prompt.text).toContain('从微信聊天中选择材料文件前')
    // the prompt's link to the app's own 隐私政策
    await d.press(/^查看隐私政策/, prompt)
    await app.waitForPage(ROUTES.privacy, '隐私政策')
    await app.tapBack()
    await app.waitForPage(ROUTES.materials, '准备材料')
    await d.press('同意并继续')
    await app.waitForText('平台已接收，格式检查通过', 15000)
    expect(app.log.calls.filter((c) => c === 'chooseMessageFile')).toHaveLength(1)

    const again = await relaunch(app, { path: ROUTES.materials, query: app.page.query })
    const d2 = new WeappDriver(again)
    await again.waitForPage(ROUTES.materials, '准备材料')
    await d2.upload('health-cert', { name: '健康证.pdf', bytes: PDF.bytes })
    expect(again.log.privacyPrompts).toEqual([])
  })

  test('隐私政策 says what is collected, why, for how long, who receives it and the citizen\'s rights', async () => {
    const app = await launch()
    const d = new WeappDriver(app)
    await app.waitForText('热门一件事')
    await d.press('隐私政策')
    await app.waitForPage(ROUTES.privacy, '隐私政策')
    expect(app.stack().map((p) => p.route)).toEqual([ROUTES.home, ROUTES.privacy])
    const headings = app.allByRole('heading').map((h) => h.name)
    expect(headings).toEqual(['隐私政策', '我们收集哪些信息', '为什么收集', '保存多久', '共享给谁', '您的权利'])
    expect(app.text()).toContain('依照《中华人民共和国个人信息保护法》')
    for (const right of ['查阅、复制', '更正、补充', '删除', '撤回同意', '投诉举报']) expect(app.allByText(right)).toHaveLength(1)
  })
})

describe('sharing a guide', () => {
  test('to a chat: the card opens the guide alone on the stack, and WeChat\'s home button leads home', async () => {
    const app = await launch()
    await app.tap((await app.getAllByRole('button', '开办餐饮店'))[0])
    await app.waitForPage(ROUTES.guide, '开办餐饮店')
    const card = app.share('chat')
    expect(card).toEqual({ title: '开办餐饮店｜湖南一件事一次办', path: '/pages/journey/guide/index?bundle=kaiban-canyin' })

    const [path, query] = card!.path!.split('?')
    const friend = await launch({ path, query: Object.fromEntries(new URLSearchParams(query)), scene: SCENES.chatCard })
    await friend.waitForPage(ROUTES.guide, '开办餐饮店')
    expect(friend.stack().map((p) => p.route)).toEqual([ROUTES.guide])
    expect(friend.navigationBar()).toEqual({ title: '办事指南', back: false, home: true })
    expect(friend.allByRole('button', '开始办理')).toHaveLength(1)
    await friend.tapHome()
    await friend.waitForPage(ROUTES.home, '一件事一次办')
    expect(friend.stack().map((p) => p.route)).toEqual([ROUTES.home])
  })

  test('to 朋友圈: the single-page preview shows the guide and says how to go on, with nothing to start there', async () => {
    const app = await launch({ path: ROUTES.guide, query: { bundle: 'xinshenger' } })
    await app.waitForPage(ROUTES.guide, '新生儿出生一件事')
    const post = app.share('timeline')
    expect(post).toEqual({ title: '新生儿出生一件事｜湖南一件事一次办', query: 'bundle=xinshenger' })

    const reader = await launch({ path: ROUTES.guide, query: Object.fromEntries(new URLSearchParams(post!.query)), scene: SCENES.timeline })
    await reader.waitForPage(ROUTES.guide, '新生儿出生一件事')
    await reader.waitForText('这是朋友圈里的预览页。点屏幕下方的“前往小程序”，即可开始办理。')
    expect(reader.allByRole('button', '开始办理')).toHaveLength(0)
    expect(reader.log.calls).not.toContain('login')
  })
})

describe('navigation', () => {
  test('one back control: no in-page "‹ 返回" on WeChat; the bar\'s back steps through the questions, 上一题 too', async () => {
    const app = await launch({ account: { loginCode: 'dev-citizen-1', privacyAgreed: true } })
    const d = new WeappDriver(app)
    const noInPageBack = () => expect(app.allByText(/^‹/)).toEqual([])
    await app.tap((await app.getAllByRole('button', '开办餐饮店'))[0])
    await app.waitForPage(ROUTES.guide, '开办餐饮店')
    noInPageBack()
    await d.press('开始办理')
    await d.no('您已经领到这家店的营业执照了吗？')
    await d.answer('您打算以什么身份开店？', () => d.choose('个体工商户'))
    await app.waitForPage(ROUTES.question, '店面的使用面积有多大？')
    noInPageBack()
    // each question is its own page: its URL names it, and the bar's back goes to the one before
    expect(app.stack().map((p) => p.query.q)).toEqual([undefined, undefined, 'has-licence', 'entity-type', 'area'])
    await app.tapBack()
    await app.waitForPage(ROUTES.question, '您打算以什么身份开店？')
    expect((await app.getByRole('radio', '个体工商户')).node.ariaChecked).toBe(true)
    await d.press('上一题')
    await app.waitForPage(ROUTES.question, '您已经领到这家店的营业执照了吗？')
    expect(app.allByRole('button', '上一题')).toHaveLength(0)
    expect(app.stack().map((p) => p.route)).toEqual([ROUTES.home, ROUTES.guide, ROUTES.question])
    await app.tapBack()
    await app.waitForPage(ROUTES.guide, '开办餐饮店')
    // the draft kept the answers and the place: 继续办理 resumes at the question left
    await d.press('继续办理')
    await app.waitForPage(ROUTES.question, '您已经领到这家店的营业执照了吗？')
    expect((await app.getByRole('radio', '否')).node.ariaChecked).toBe(true)
    await app.tapBack()
    await app.waitForPage(ROUTES.guide)
    await app.tapBack()
    await app.waitForPage(ROUTES.home)
    noInPageBack()
    await app.tapTab('我的')
    await app.waitForPage(ROUTES.me, '我的')
    await d.press(/^我的草稿/)
    await app.waitForPage(ROUTES.drafts, '我的草稿')
    noInPageBack()
  })

  test('the journey subpackage is preloaded from the home page, so opening a guide downloads nothing', async () => {
    const app = await launch()
    await app.idle()
    expect(app.preloaded()).toEqual(['pages/journey'])
    await app.tap((await app.getAllByRole('button', '开办餐饮店'))[0])
    await app.waitForPage(ROUTES.guide, '开办餐饮店')
    expect(app.downloadedOnDemand()).toEqual([])
  })

  test('a guide opened cold (a shared card) downloads the subpackage on demand', async () => {
    const app = await launch({ path: ROUTES.guide, query: { bundle: 'kaiban-canyin' }, scene: SCENES.chatCard })
    await app.waitForPage(ROUTES.guide, '开办餐饮店')
    expect(app.downloadedOnDemand()).toEqual(['pages/journey'])
  })
})

describe('sign-in entries', () => {
  test('我的办件 signed out offers sign-in instead of an empty list; 微信一键登录 there brings back the citizen\'s cases', async () => {
    // a case this account submitted on another device (an account no other test here uses: its consents and
    // drafts on the platform would change what those tests see)
    const api = makeClient(platform.url)
    const who = await signIn(api, 'dev-citizen-2')
    const t = await api.getBundle('bianlidian')
    const content = await fillDraft(t, { ...who, now: new Date().toISOString(), upload: uploader(api, t.id) })
    const { id } = await api.submitCase({ draftId: newDraftId(), content }, newIdempotencyKey())

    const app = await launch({ account: { loginCode: 'dev-citizen-2', privacyAgreed: true } })
    const d = new WeappDriver(app)
    await app.waitForPage(ROUTES.home)
    await app.tapTab('办件')
    await app.waitForPage(ROUTES.cases, '我的办件')
    await app.waitForText('登录后，可查看您在各个设备上提交的办件和办理进度。')
    expect(app.text()).not.toContain('暂无办件')
    expect(app.log.requests.filter((r) => r.path.startsWith('/api/v1/cases'))).toEqual([])
    await d.signInOnTheWay('登录')
    await app.waitForPage(ROUTES.cases, '我的办件')
    await app.waitForText(`办件编号 ${id}`)
    expect(app.text()).not.toContain('登录后，可查看')
  })
})

describe('relaunch', () => {
  test('the same storage resumes the draft where it was left, and the journey still makes one case', async () => {
    const app = await launch({ account: { loginCode: 'dev-citizen-1', privacyAgreed: true } })
    const d = new WeappDriver(app)
    await restaurantToMaterials(d)
    await d.consent('id-card', '居民身份证')
    await d.upload('layout', PDF)

    const again = await relaunch(app)
    const d2 = new WeappDriver(again)
    await again.waitForPage(ROUTES.home)
    await again.waitForText('上次到：准备材料')
    const resume = (await again.getAllByRole('button', '开办餐饮店')).find((b) => String(b.node.ariaDescribedby ?? '').startsWith('resume-'))
    await again.tap(resume!)
    await again.waitForPage(ROUTES.materials, '准备材料')
    await again.waitForText('✓ 已关联电子居民身份证，无需上传')
    await again.waitForText('布局图.pdf')
    await restaurantMaterials(d2, { consent: true, upload: true })
    await restaurantDelivery(d2)
    const caseNo = await d2.submit()
    expect((await platform.cases('kaiban-canyin')).filter((c) => c.id === caseNo)).toHaveLength(1)
    expect(again.log.calls).not.toContain('login')
  })
})

describe('长辈版 and WeChat\'s font size', () => {
  /** the home page is shown: the standard one (its hot bundles) or the elder one (its tiles) */
  const homeShown = (app: WeappRuntime) => app.waitFor(() => app.allByText('热门一件事').length > 0 || app.allByRole('list', '常办的事').length > 0, 'the home page')

  test('a large WeChat font turns 长辈版 on by itself (the elder home); switched off, it stays off after a relaunch', async () => {
    const app = await launch({ device: { fontSizeSetting: 24 } })
    await homeShown(app)
    expect(elderMode(app)).toBe(true)
    await app.getByRole('list', '常办的事')
    const toggle = await app.getByRole('switch', /^长辈版/)
    expect(toggle.node.ariaChecked).toBe(true)
    await app.tap(toggle)
    await app.waitFor(() => !elderMode(app), '长辈版 to switch off')
    await app.waitForText('热门一件事')

    const again = await relaunch(app)
    await again.waitForText('热门一件事')
    expect(elderMode(again)).toBe(false)
  })

  test('the standard font leaves it off; switched on, it stays on after a relaunch and on every page', async () => {
    const app = await launch({ device: { fontSizeSetting: 17 } })
    await app.waitForText('热门一件事')
    expect(elderMode(app)).toBe(false)
    await app.tap(await app.getByRole('switch', /^长辈版/))
    await app.waitFor(() => elderMode(app), '长辈版 to switch on')

    const again = await relaunch(app)
    await homeShown(again)
    expect(elderMode(again)).toBe(true)
    // the elder home: a tile shows its bundles under the tiles
    await again.tap(await again.getByRole('button', '退休'))
    await again.tap(await again.getByRole('button', '退休一件事'))
    await again.waitForPage(ROUTES.guide, '退休一件事')
    expect(elderMode(again)).toBe(true)
  })

  test('just below the threshold (19 px) is not large; at it (20 px) is', async () => {
    const small = await launch({ device: { fontSizeSetting: 19 } })
    await homeShown(small)
    expect(elderMode(small)).toBe(false)
    const large = await launch({ device: { fontSizeSetting: 20 } })
    await homeShown(large)
    expect(elderMode(large)).toBe(true)
  })
})

describe('acting for a firm', () => {
  test('我的 → 办事身份: a 经办人 switches to the firm, and a relaunch keeps it', async () => {
    const app = await launch({ account: { loginCode: 'dev-no-licence', privacyAgreed: true } })
    const d = new WeappDriver(app)
    await app.waitForPage(ROUTES.home)
    await app.tapTab('我的')
    await app.waitForPage(ROUTES.me, '我的')
    await d.signInOnTheWay('登录')
    await app.waitForPage(ROUTES.me, '我的')
    await app.tap(await app.getByRole('radio', /长沙湘味餐饮管理有限公司/))
    await app.idle()
    expect((await app.getByRole('radio', /长沙湘味餐饮管理有限公司/)).node.ariaChecked).toBe(true)

    const again = await relaunch(app)
    await again.waitForPage(ROUTES.home)
    await again.tapTab('我的')
    await again.waitForPage(ROUTES.me, '我的')
    expect((await again.getByRole('radio', /长沙湘味餐饮管理有限公司/)).node.ariaChecked).toBe(true)
    expect((await again.getByRole('radio', /本人/)).node.ariaChecked).toBe(false)
  })
})
