// 亲情帮办 on WeChat: the relative signs in with wx.login, finds the elder's grant on 授权与查看记录 and files for
// the elder in the same guide, every page saying for whom — a grant the elder made in the app, and one the window
// registered with the scanned 户口簿 for an elder without a phone.
import { fileOf, makeClient } from '../contract/support/harness'
import { restaurantQuestions, WeappDriver } from './support/journeys'
import { startMockPlatform, type MockPlatform } from './support/platform'
import { WeappRuntime } from './support/runtime'

let platform: MockPlatform
beforeAll(async () => {
  platform = await startMockPlatform()
})
afterAll(() => platform.stop())

const GRANTS = 'pages/account/grants/index'

/** 授权与查看记录 opened signed out, signed in with 微信一键登录 on the way, until 亲属请我帮办 shows */
async function receivedGrants(app: WeappRuntime, d: WeappDriver): Promise<void> {
  await app.waitForPage(GRANTS, '授权与查看记录')
  await d.signInOnTheWay('登录后继续')
  await app.waitForText('亲属请我帮办')
}

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
  const app = await WeappRuntime.launch({ platformUrl: platform.url, path: GRANTS, account: { loginCode: 'dev-citizen-1', privacyAgreed: true } })
  const d = new WeappDriver(app)
  try {
    await receivedGrants(app, d)
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

test('亲情帮办 registered at the window with the 户口簿: the relative’s WeChat lists it as the window’s, and files for the elder', async () => {
  await wechatToken('dev-citizen-2') // 陈静 has used the app before: the window can name her number
  const clerk = makeClient(platform.url, { adminToken: undefined })
  await clerk.loginStaff('staff02', 'Window@2026')
  const scan = fileOf('jpg')
  const { fileId } = await clerk.uploadProof('relative', { name: '户口簿.jpg', type: scan.mime, data: scan.data })
  const grant = await clerk.registerWindowGrant({ kind: 'relative', idNumber: '430103195801012114', bundleId: 'xinshenger', proofFileId: fileId, relativeMobile: '13807310002', relation: '子女' })
  expect(grant.state).toBe('active')
  const app = await WeappRuntime.launch({ platformUrl: platform.url, path: GRANTS, account: { loginCode: 'dev-citizen-2', privacyAgreed: true } })
  const d = new WeappDriver(app)
  try {
    await receivedGrants(app, d)
    expect(app.text()).toMatch(/王\*明 授权您帮办“新生儿出生一件事”/)
    expect(app.text()).toMatch(/长沙市天心区政务服务中心窗口凭户口簿登记/)
    expect(app.text()).not.toMatch(/王德明|195801012/)
    await app.tap(await app.getByRole('button', '为王*明帮办新生儿出生一件事'))
    await app.waitForText(/正在为 王\*明 帮办“新生儿出生一件事”/)
    const acting = app.log.requests.filter((x) => x.path === '/api/v1/acting/subject')
    expect(acting.map((x) => x.status)).toEqual([200])
  } finally {
    await app.close()
  }
  app.assertHealthy()
})
