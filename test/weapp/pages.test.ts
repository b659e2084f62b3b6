// Every page of app.json, opened cold in the headless WeChat runtime: with no query (a stale link, a page
// opened from DevTools) it says in Chinese what is wrong and offers the way home; with the queries the app
// itself makes (a bundle, a draft at each step, a case) it shows that page.
import { newborn, restaurant, ROUTES, WeappDriver } from './support/journeys'
import { startMockPlatform, type MockPlatform } from './support/platform'
import { WeappRuntime } from './support/runtime'

let platform: MockPlatform
/** 刘洋's phone with 开办餐饮店 filled up to 核对申请信息 */
let openDraft: { storage: Record<string, unknown>; draftId: string }
/** 陈静's phone after submitting 新生儿出生 */
let submitted: { storage: Record<string, unknown>; caseId: string }
let pages: string[]

beforeAll(async () => {
  platform = await startMockPlatform()
  const father = await WeappRuntime.launch({ platformUrl: platform.url, account: { loginCode: 'dev-citizen-1', privacyAgreed: true } })
  await restaurant(new WeappDriver(father))
  openDraft = { storage: father.storage.snapshot(), draftId: decodeURIComponent(father.page.query.draft) }
  pages = father.allPages()
  await father.close()
  father.assertHealthy()
  const mother = await WeappRuntime.launch({ platformUrl: platform.url, account: { loginCode: 'dev-citizen-2', privacyAgreed: true } })
  const d = new WeappDriver(mother)
  await newborn(d)
  submitted = { caseId: await d.submit(), storage: {} }
  submitted.storage = mother.storage.snapshot()
  await mother.close()
  mother.assertHealthy()
}, 60000)
afterAll(() => platform.stop())

test('app.json lists the pages this test opens', () => {
  expect(pages).toEqual(expect.arrayContaining(Object.values(ROUTES)))
  expect(pages).toHaveLength(Object.values(ROUTES).length + 1) // + staff home
})

describe('with no query, each page explains itself and leads home', () => {
  const routes = () => pages
  test.each([
    'pages/index/index',
    'pages/login/index',
    'pages/privacy/index',
    'pages/journey/guide/index',
    'pages/journey/question/index',
    'pages/journey/form/index',
    'pages/journey/materials/index',
    'pages/journey/delivery/index',
    'pages/journey/review/index',
    ROUTES.drafts,
    'pages/journey/done/index',
    ROUTES.cases,
    'pages/staff/home/index',
  ])('%s', async (route) => {
    expect(routes()).toContain(route)
    const app = await WeappRuntime.launch({ platformUrl: platform.url, path: route })
    try {
      await app.idle(150)
      expect(app.text()).toMatch(/[\u4e00-\u9fa5]{2,}/)
      const bar = app.navigationBar()
      // alone on the stack: WeChat's bar offers home on every page but home itself
      expect(bar.home).toBe(route !== ROUTES.home)
      if (!app.heading()) expect(app.allByRole('button', '返回首页').length + (route === 'pages/staff/home/index' ? 1 : 0)).toBe(1)
    } finally {
      await app.close()
    }
    app.assertHealthy()
  })
})

describe('with the queries the app makes, each page shows its content', () => {
  const draftQuery = () => ({ draft: encodeURIComponent(openDraft.draftId), bundle: 'kaiban-canyin' })
  type Given = { query: Record<string, string>; storage?: Record<string, unknown>; shows: string }
  const cases: [string, string, () => Given][] = [
    [ROUTES.home, '一件事一次办', () => ({ query: {}, shows: '热门一件事' })],
    [ROUTES.guide, '开办餐饮店', () => ({ query: { bundle: 'kaiban-canyin', kind: 'person' }, shows: '开始办理' })],
    [ROUTES.guide, '企业开办', () => ({ query: { bundle: 'qiye-kaiban', kind: 'firm' }, shows: '开始办理' })],
    [ROUTES.question, '店面的使用面积有多大？', () => ({ query: { ...draftQuery(), q: 'area' }, storage: openDraft.storage, shows: '40' })],
    [ROUTES.form, '填写申请信息', () => ({ query: { ...draftQuery(), field: 'business-name', return: 'review' }, storage: openDraft.storage, shows: '湘味小馆' })],
    [ROUTES.materials, '准备材料', () => ({ query: draftQuery(), storage: openDraft.storage, shows: '布局图.pdf' })],
    [ROUTES.delivery, '办理方式与结果领取', () => ({ query: draftQuery(), storage: openDraft.storage, shows: '免费邮寄（EMS）' })],
    [ROUTES.review, '核对申请信息', () => ({ query: draftQuery(), storage: openDraft.storage, shows: '提交申请' })],
    [ROUTES.drafts, '我的草稿', () => ({ query: {}, storage: openDraft.storage, shows: '开办餐饮店' })],
    [ROUTES.done, '提交成功', () => ({ query: { case: submitted.caseId }, storage: submitted.storage, shows: submitted.caseId })],
    [ROUTES.cases, '我的办件', () => ({ query: {}, storage: submitted.storage, shows: submitted.caseId })],
    [ROUTES.login, '登录', () => ({ query: {}, shows: '手机号快捷登录' })],
    [ROUTES.privacy, '隐私政策', () => ({ query: { bundle: 'xinshenger' }, shows: '申请信息和材料只提供给这件事的承办部门：卫生健康委员会' })],
  ]
  test.each(cases)('%s: %s', async (route, heading, given) => {
    const { query, storage, shows } = given()
    const app = await WeappRuntime.launch({ platformUrl: platform.url, path: route, query, storage, account: { privacyAgreed: true } })
    try {
      await app.waitForPage(route, heading)
      await app.waitForText(shows)
      await app.idle(150)
      expect(app.stack().map((p) => p.route)).toEqual([route])
    } finally {
      await app.close()
    }
    app.assertHealthy()
  })
})
