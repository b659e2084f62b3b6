// The window console on the WeChat build (a clerk's phone or tablet): sign in, scan the citizen's 授权码 with
// wx.scanCode, see the citizen masked; a closed scanner changes nothing.
import { PDF, restaurantDelivery, restaurantForm, restaurantQuestions, WeappDriver } from './support/journeys'
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

async function signIn(app: WeappRuntime): Promise<void> {
  await app.waitForPage('pages/staff/home/index', '窗口工作台')
  await app.type(await app.getByRole('textbox', '工作账号'), 'staff02')
  await app.type(await app.getByRole('textbox', '密码'), 'Window@2026')
  await app.tap(await app.getByRole('button', '登录'))
  await app.waitForText('长沙市天心区政务服务中心 5号窗口（综合受理） · 周敏')
}

test('sign in, 扫一扫 the citizen’s QR: the citizen opens masked; a closed scanner does nothing', async () => {
  const grant = await citizenGrant()
  const app = await WeappRuntime.launch({ platformUrl: platform.url, path: 'pages/staff/home/index' })
  try {
    await signIn(app)
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

test('帮代办 on a clerk’s tablet: the same guide for the citizen, originals verified, a 容缺 with its reason, the citizen signs with a finger', async () => {
  const grant = await citizenGrant()
  // the window's tablet agreed to the privacy guide long ago (the prompt itself is tested in wechat.test.ts)
  const app = await WeappRuntime.launch({ platformUrl: platform.url, path: 'pages/staff/home/index', account: { loginCode: 'none', privacyAgreed: true } })
  const d = new WeappDriver(app)
  try {
    await signIn(app)
    app.willScan(grant.qrText)
    await d.press('扫一扫')
    await app.waitForText('正在为 王*明 代办：开办餐饮店')
    await d.press('开始填写申请')
    await restaurantQuestions(d)
    await app.waitForText(/代办中：为 王\*明 办理“开办餐饮店”/)
    await restaurantForm(d, { name: '德明小馆', address: '长沙市天心区书院路 9 号', staff: '2', manager: '王德明', mobile: '13807310003' })
    await d.consent('id-card', '居民身份证')
    for (const id of ['premises-proof', 'food-safety-rules', 'layout']) {
      // the window scans the paper original (an e-licence the citizen may hold is not used here)
      const upload = app.allByRole('radio', /^(上传材料|提供证明材料（上传）)/, await d.card(id))
      if (upload.length) await app.tap(upload[0])
      await d.upload(id, PDF)
      await d.check('原件已核验：扫描件与申请人出示的原件一致', await d.card(id))
    }
    await d.choose('稍后补交（容缺受理）', await d.card('health-cert'))
    await d.fill('容缺受理的理由（窗口填写）', '健康证明正在办理，5 个工作日内补交', await d.card('health-cert'))
    await d.press('继续')
    await restaurantDelivery(d)
    app.rectOf('applicant-signature-box', { left: 16, top: 300, width: 343, height: 180 })
    await app.draw(
      'applicant-signature-box',
      Array.from({ length: 24 }, (_, i) => [10 + i * 13, 90 + (i % 2 ? -40 : 40)] as [number, number]),
    )
    await app.getByRole('img', '申请人签名：已签名')
    const caseNo = await d.submit()
    expect(caseNo).toMatch(/^HN\d{13}$/)
    // the case is the citizen's, with the window's signature kept as strokes in the pad's box
    const cs = (await platform.cases('kaiban-canyin')).find((c) => c.id === caseNo)
    expect(cs?.filedBy).toMatchObject({ confirmedBy: 'signature', signature: { width: 343, height: 180 } })
  } finally {
    await app.close()
  }
  app.assertHealthy()
})
