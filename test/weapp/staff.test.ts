// The window console on the WeChat build (a clerk's phone or tablet): sign in, scan the citizen's 授权码 with
// wx.scanCode, see the citizen masked; a closed scanner changes nothing.
import { PDF, restaurantDelivery, restaurantForm, restaurantQuestions, WeappDriver } from './support/journeys'
import { startMockPlatform, type MockPlatform } from './support/platform'
import { WeappRuntime } from './support/runtime'

let platform: MockPlatform
/** the case the clerk's tablet filed (the reviewer decides it) */
let filedCaseNo: string | undefined
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
    filedCaseNo = caseNo
    const cs = (await platform.cases('kaiban-canyin')).find((c) => c.id === caseNo)
    expect(cs?.filedBy).toMatchObject({ confirmedBy: 'signature', signature: { width: 343, height: 180 } })
  } finally {
    await app.close()
  }
  app.assertHealthy()
})

/** the window of the 天心区 hall accepts every matter of the case (the API the console's 受理 calls) */
async function acceptAtWindow(caseId: string): Promise<void> {
  const api = `${platform.url}/api/v1`
  const login = await fetch(`${api}/auth/staff`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ account: 'staff02', password: 'Window@2026' }) })
  const { accessToken } = (await login.json()) as { accessToken: string }
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` }
  const c = (await (await fetch(`${api}/dept/cases/${caseId}`, { headers })).json()) as { matters: { matterId: string; status: string }[] }
  for (const m of c.matters.filter((x) => x.status === 'submitted')) {
    const r = await fetch(`${api}/dept/cases/${caseId}/accept`, { method: 'POST', headers, body: JSON.stringify({ matterId: m.matterId }) })
    expect(r.status).toBe(200)
  }
}

test('审批 on a reviewer’s tablet: 扫一扫 the 受理通知书’s QR, each matter decided — 准予 with its licence (示例), 不予许可 with a ground', async () => {
  const caseNo = filedCaseNo
  if (!caseNo) throw new Error('the filing test did not file a case')
  await acceptAtWindow(caseNo)
  const app = await WeappRuntime.launch({ platformUrl: platform.url, path: 'pages/staff/home/index', account: { loginCode: 'none', privacyAgreed: true } })
  try {
    await app.waitForPage('pages/staff/home/index', '窗口工作台')
    await app.type(await app.getByRole('textbox', '工作账号'), 'reviewer01')
    await app.type(await app.getByRole('textbox', '密码'), 'Window@2026')
    await app.tap(await app.getByRole('button', '登录'))
    await app.waitForText('审批工作台')
    await app.waitForText(`本厅待审批（1）`)
    app.willScan(caseNo)
    await app.tap(await app.getByRole('button', '扫一扫'))
    await app.waitForText(`审批办件 ${caseNo}`)
    const c = (await platform.cases('kaiban-canyin')).find((x) => x.id === caseNo)!
    const names = (c as unknown as { matters: { matterId: string; name: string }[] }).matters
    const decide = async (name: string, outcome: '准予许可' | '不予许可') => {
      await app.tap(await app.getByRole('radio', outcome, await app.getByRole('radiogroup', `${name}的审批决定`)))
      await app.tap(await app.getByRole('button', `确认${outcome}：${name}`))
    }
    await decide(names.find((m) => m.matterId === 'registration')!.name, '准予许可')
    await app.waitForText(/已准予许可：营业执照 示例/)
    const others = names.filter((m) => m.matterId !== 'registration')
    await decide(others[0].name, '不予许可')
    await app.waitForText('请选择不予许可的理由')
    await app.tap(await app.getByRole('radio', '申请人不符合法定条件、标准'))
    await app.tap(await app.getByRole('button', `确认不予许可：${others[0].name}`))
    await app.waitForText('已决定不予许可：申请人不符合法定条件、标准')
    for (const m of others.slice(1)) {
      await decide(m.name, '准予许可')
      await app.waitForText(`${m.name}：已准予许可`)
    }
    await app.waitForText(/已办结（部分事项未获准予）/)
    const after = (await platform.cases('kaiban-canyin')).find((x) => x.id === caseNo)!
    expect(after.status).toBe('concluded')
  } finally {
    await app.close()
  }
  app.assertHealthy()
})

test('窗口登记授权 on WeChat: a proxy’s 授权委托书 picked from a chat and uploaded with wx.uploadFile; refused without it; registered, the citizen opens masked', async () => {
  const app = await WeappRuntime.launch({ platformUrl: platform.url, path: 'pages/staff/home/index', account: { loginCode: 'none', privacyAgreed: true } })
  const d = new WeappDriver(app)
  try {
    await signIn(app)
    const form = await app.getById('wg-proof')
    await d.choose(/代理人（凭授权委托书）/)
    await app.type(await app.getByRole('textbox', '申请人的身份证号码'), '430103195801012114')
    await app.waitForText('已输入：430103********2114')
    await d.choose('开办餐饮店', await app.getByRole('radiogroup', '办理哪件事'))
    await d.fill('代理人姓名', '李四')
    await app.type(await app.getByRole('textbox', '代理人的身份证号码'), '430104199605121238')
    // no scan yet: the rulebook's words at the upload
    await d.press('登记授权')
    await app.waitForText('请上传申请人签字的授权委托书扫描件或照片')
    app.willPick([{ name: '授权委托书.pdf', bytes: PDF.bytes }])
    await d.press('上传授权委托书', form)
    await app.waitForText('已上传：授权委托书.pdf')
    await d.press('登记授权')
    await app.waitForText(/已登记：代理人 李四（430104\*{8}1238）为 王\*明 办理“开办餐饮店”/)
    await app.waitForText('正在为 王*明 代办：开办餐饮店')
    expect(app.text()).not.toMatch(/430103195801012114|430104199605121238/)
  } finally {
    await app.close()
  }
  app.assertHealthy()
})
