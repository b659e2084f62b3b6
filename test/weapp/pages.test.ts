// Every page of app.json, opened cold in the headless WeChat runtime: with no query (a stale link, a page
// opened from DevTools) it says in Chinese what is wrong and offers the way home; with the queries the app
// itself makes (a bundle, a draft at each step, a case) it shows that page.
import { ROUTES } from './support/journeys'
import { startMockPlatform, type MockPlatform } from './support/platform'
import { WeappRuntime } from './support/runtime'
import { journeyStates, PAGE_VISITS, visit, type JourneyStates } from './support/visits'

let platform: MockPlatform
let states: JourneyStates
let pages: string[]

beforeAll(async () => {
  platform = await startMockPlatform()
  states = await journeyStates(platform.url)
  const probe = await WeappRuntime.launch({ platformUrl: platform.url })
  pages = probe.allPages()
  await probe.close()
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
    ROUTES.cases,
    ROUTES.messages,
    ROUTES.me,
    'pages/login/index',
    'pages/privacy/index',
    ROUTES.licences,
    ROUTES.help,
    ROUTES.family,
    'pages/journey/guide/index',
    'pages/journey/question/index',
    'pages/journey/form/index',
    'pages/journey/materials/index',
    'pages/journey/delivery/index',
    'pages/journey/review/index',
    ROUTES.drafts,
    'pages/journey/done/index',
    ROUTES.confirm,
    ROUTES.grants,
    ROUTES.consult,
    ROUTES.consultQuestion,
    ROUTES.booking,
    ROUTES.caseDetail,
    ROUTES.supplement,
    'pages/staff/home/index',
  ])('%s', async (route) => {
    expect(routes()).toContain(route)
    const app = await WeappRuntime.launch({ platformUrl: platform.url, path: route })
    try {
      await app.idle(150)
      expect(app.text()).toMatch(/[\u4e00-\u9fa5]{2,}/)
      const bar = app.navigationBar()
      // alone on the stack: WeChat's bar offers home on every page but the tab pages (the tab bar is there)
      const tab = [ROUTES.home, ROUTES.cases, ROUTES.messages, ROUTES.me].includes(route as never)
      expect(bar.home).toBe(!tab)
      expect(app.tabBar().visible).toBe(tab)
      if (!app.heading()) expect(app.allByRole('button', '返回首页').length + (route === 'pages/staff/home/index' ? 1 : 0)).toBe(1)
    } finally {
      await app.close()
    }
    app.assertHealthy()
  })
})

describe('with the queries the app makes, each page shows its content', () => {
  test.each(PAGE_VISITS)('%s: %s', async (route, heading, given) => {
    const app = await visit(platform.url, route, heading, given(states))
    try {
      expect(app.stack().map((p) => p.route)).toEqual([route])
    } finally {
      await app.close()
    }
    app.assertHealthy()
  })
})

describe('the tab bar', () => {
  test('消息 shows the unread count on WeChat\'s own tab bar; switching tabs keeps it; reading them all clears it', async () => {
    // the citizen whose case waits for 补正 has one unread message (请补正材料)
    const app = await visit(platform.url, ROUTES.cases, '我的办件', { query: {}, storage: states.submitted.storage, shows: states.submitted.caseId })
    try {
      await app.waitFor(() => app.tabBar().items.find((t) => t.text === '消息')?.badge === '1', 'the 消息 badge')
      expect(app.tabBar().items.map((t) => [t.text, t.selected])).toEqual([['首页', false], ['办件', true], ['消息', false], ['我的', false]])
      await app.tapTab('消息')
      await app.waitForPage(ROUTES.messages, '消息')
      expect(app.tabBar().items.find((t) => t.text === '消息')?.badge).toBe('1')
      await app.tap(await app.getByRole('button', '全部标为已读'))
      await app.waitFor(() => app.tabBar().items.find((t) => t.text === '消息')?.badge === undefined, 'the badge to go')
    } finally {
      await app.close()
    }
    app.assertHealthy()
  })
})
