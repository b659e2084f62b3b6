// The window console on the WeChat build (a clerk's phone or tablet): sign in, scan the citizen's 授权码 with
// wx.scanCode, see the citizen masked; a closed scanner changes nothing.
import { startMockPlatform, type MockPlatform } from './support/platform'
import { WeappRuntime } from './support/runtime'

let platform: MockPlatform
beforeAll(async () => {
  platform = await startMockPlatform()
})
afterAll(() => platform.stop())

async function citizenGrant(): Promise<{ qrText: string }> {
  const api = `${platform.url}/api/v1`
  const login = await fetch(`${api}/auth/wechat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: 'dev-elder' }) })
  const { accessToken } = (await login.json()) as { accessToken: string }
  const r = await fetch(`${api}/grants`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ grantee: 'staff', scope: { kind: 'bundle', bundleId: 'kaiban-canyin' }, hallId: 'hall-430103', minutes: 30 }),
  })
  expect(r.status).toBe(201)
  return (await r.json()) as { qrText: string }
}

test('sign in, 扫一扫 the citizen’s QR: the citizen opens masked; a closed scanner does nothing', async () => {
  const grant = await citizenGrant()
  const app = await WeappRuntime.launch({ platformUrl: platform.url, path: 'pages/staff/home/index' })
  try {
    await app.waitForPage('pages/staff/home/index', '窗口工作台')
    await app.type(await app.getByRole('textbox', '工作账号'), 'staff02')
    await app.type(await app.getByRole('textbox', '密码'), 'Window@2026')
    await app.tap(await app.getByRole('button', '登录'))
    await app.waitForText('长沙市天心区政务服务中心 5号窗口（综合受理） · 周敏')
    app.willScan('cancel')
    await app.tap(await app.getByRole('button', '扫一扫'))
    await app.idle()
    expect(app.text()).not.toMatch(/正在为/)
    app.willScan(grant.qrText)
    await app.tap(await app.getByRole('button', '扫一扫'))
    await app.waitForText('正在为 王*明 代办：开办餐饮店')
    expect(app.text()).not.toMatch(/430103195801012114/)
  } finally {
    await app.close()
  }
  app.assertHealthy()
})
