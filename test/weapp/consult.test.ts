// 在线咨询 on WeChat: opened from a guide's link, signed in with 微信一键登录 on the way back to it, bad input
// refused at the field (nothing sent), the text kept when the mini-program is closed and opened again, the
// question sent once.
import { ROUTES, WeappDriver } from './support/journeys'
import { startMockPlatform, type MockPlatform } from './support/platform'
import { WeappRuntime } from './support/runtime'

let platform: MockPlatform
beforeAll(async () => {
  platform = await startMockPlatform()
})
afterAll(() => platform.stop())

const CONSULT = ROUTES.consult

test('ask on WeChat: sign in on the way, the error at the field, the text kept across a relaunch, sent once', async () => {
  const app = await WeappRuntime.launch({ platformUrl: platform.url, path: CONSULT, query: { bundle: 'kaiban-canyin' }, account: { loginCode: 'dev-citizen-1', privacyAgreed: true } })
  let again: WeappRuntime | undefined
  try {
    await app.waitForPage(CONSULT, '在线咨询')
    const d = new WeappDriver(app)
    await d.signInOnTheWay('登录')
    await app.waitForPage(CONSULT, '在线咨询')
    await app.waitForText('您还没有咨询过。')
    await d.fill('您的问题', '怎么办')
    await d.press('提交咨询')
    await app.waitForText('咨询内容太短了，请至少写 5 个字')
    expect(app.log.requests.filter((x) => x.path === '/api/v1/consultations' && x.method === 'POST')).toEqual([])
    await d.fill('您的问题', '健康证要每个员工都办吗？')

    again = await app.relaunch({ path: CONSULT, query: {} })
    app.assertHealthy()
    await again.waitForPage(CONSULT, '在线咨询')
    await again.waitForText('您还没有咨询过。')
    const d2 = new WeappDriver(again)
    await d2.press('提交咨询')
    // the send and the list read after it: given longer than the default 8 s (once timed out on the loaded CI machine)
    await again.waitForText(/已提交关于“开办餐饮店”的咨询，将在 .*前答复/, 20000)
    await again.waitForText('待答复')
    const posts = again.log.requests.filter((x) => x.path === '/api/v1/consultations' && x.method === 'POST')
    expect(posts.map((x) => x.status)).toEqual([201])
  } finally {
    await (again ?? app).close()
  }
  ;(again ?? app).assertHealthy()
})
