// 亲情帮办 on WeChat: the relative signs in with wx.login, finds the elder's grant on 授权与查看记录 and files for
// the elder in the same guide, every page saying for whom.
import { restaurantQuestions, WeappDriver } from './support/journeys'
import { startMockPlatform, type MockPlatform } from './support/platform'
import { WeappRuntime } from './support/runtime'

let platform: MockPlatform
beforeAll(async () => {
  platform = await startMockPlatform()
})
afterAll(() => platform.stop())

async function wechatToken(code: string): Promise<string> {
  const r = await fetch(`${platform.url}/api/v1/auth/wechat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) })
  return ((await r.json()) as { accessToken: string }).accessToken
}

test('亲情帮办 on the relative’s WeChat: the elder’s grant listed masked, the same guide under it, “正在为 王*明 帮办” on every page', async () => {
  await wechatToken('dev-citizen-1') // 刘洋 has used the app before: the elder can name his number
  const elder = await wechatToken('dev-elder')
  const r = await fetch(`${platform.url}/api/v1/grants`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${elder}` },
    body: JSON.stringify({ grantee: 'relative', scope: { kind: 'bundle', bundleId: 'kaiban-canyin' }, relativeMobile: '13807310001', relation: '子女', days: 7 }),
  })
  expect(r.status).toBe(201)
  const app = await WeappRuntime.launch({ platformUrl: platform.url, path: 'pages/account/grants/index', account: { loginCode: 'dev-citizen-1', privacyAgreed: true } })
  const d = new WeappDriver(app)
  try {
    await app.waitForPage('pages/account/grants/index', '授权与查看记录')
    await d.press('登录后继续')
    await app.waitForPage('pages/login/index', '登录')
    await d.press('微信一键登录')
    await app.waitForText('亲属请我帮办')
    expect(app.text()).toMatch(/王\*明 授权您帮办“开办餐饮店”/)
    expect(app.text()).not.toMatch(/王德明/)
    await app.tap(await app.getByRole('button', '为王*明帮办开办餐饮店'))
    await app.waitForText(/正在为 王\*明 帮办“开办餐饮店”/)
    await restaurantQuestions(d)
    await app.waitForText(/正在为 王\*明 帮办“开办餐饮店”/)
    // every call for the elder named the grant
    const acting = app.log.requests.filter((x) => x.path === '/api/v1/acting/subject')
    expect(acting.map((x) => x.status)).toEqual([200])
  } finally {
    await app.close()
  }
  app.assertHealthy()
})
