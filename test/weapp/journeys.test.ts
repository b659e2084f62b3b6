// The citizen's whole journey on the WeChat build, in the headless WeChat runtime against the mock platform:
// search → guide → questions (with a dead end) → wx.login → prefilled form → materials (an upload through
// wx.uploadFile, an e-licence consent) → delivery → review → submit → confirmation with its QR code. Each
// journey makes exactly one case.
import { newborn, restaurant, ROUTES, WeappDriver } from './support/journeys'
import { startMockPlatform, type MockPlatform } from './support/platform'
import { WeappRuntime } from './support/runtime'

let platform: MockPlatform
let app: WeappRuntime | undefined

beforeAll(async () => {
  platform = await startMockPlatform()
})
afterAll(() => platform.stop())
afterEach(async () => {
  await app?.close()
  app?.assertHealthy()
  app = undefined
})

/** the confirmation: case number, its QR code (one SVG image, no canvas), and the platform's one case */
async function expectOneCase(caseNo: string, bundleId: string) {
  const cases = await platform.cases(bundleId)
  expect(cases.map((c) => c.id)).toEqual([caseNo])
  const submits = app!.log.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/cases')
  expect(submits.map((r) => r.status)).toEqual([201])
  const qr = await app!.getByRole('img', /二维码/)
  expect(String(app!.page.view.attribute(qr.node, 'src'))).toMatch(/^data:image\/svg\+xml;base64,/)
  return cases[0]
}

test('开办餐饮店 on WeChat: found by search, wx.login, an e-ID card agreed to, a PDF from a chat through wx.uploadFile, one case', async () => {
  app = await WeappRuntime.launch({ platformUrl: platform.url, account: { loginCode: 'dev-citizen-1', privacyAgreed: true } })
  const d = new WeappDriver(app)
  await restaurant(d)
  expect(app.log.calls).toContain('login')
  const uploads = app.log.requests.filter((r) => r.api === 'uploadFile')
  expect(uploads.map((r) => [r.path, r.status])).toEqual([['/api/v1/uploads', 201]])
  // the name the person picked, not WeChat's temp file name
  expect(app.text()).toContain('已上传：布局图.pdf')
  const caseNo = await d.submit()
  const record = await expectOneCase(caseNo, 'kaiban-canyin')
  expect(record.applicantName).toBe('刘*') // masked in the admin list
  expect(app.text()).toContain('填写 9 项而不是 18 项，提交 2 份材料而不是 8 份（上传 1 份、稍后补交 1 份），作出告知承诺 2 项，跑 0 次')
  expect(app.stack().map((p) => p.route)).toContain(ROUTES.done)
})

test('新生儿出生 on WeChat: found by search, a dead end corrected, e-licences agreed to, the birth certificate uploaded, one case', async () => {
  app = await WeappRuntime.launch({ platformUrl: platform.url, account: { loginCode: 'dev-citizen-1', privacyAgreed: true } })
  const d = new WeappDriver(app)
  await newborn(d)
  expect(app.text()).toContain('妈妈姓名陈静来自电子结婚证')
  expect(app.text()).toContain('出生医学证明已上传：出生医学证明.pdf')
  const caseNo = await d.submit()
  const record = await expectOneCase(caseNo, 'xinshenger')
  expect(record.applicantName).toBe('刘*')
  expect(record.delivery).toEqual(expect.objectContaining({ method: 'pickup' }))
  expect(app.log.requests.filter((r) => r.api === 'uploadFile').map((r) => r.status)).toEqual([201])
  expect(app.log.requests.filter((r) => /\/licences\/\w+\/consent$/.test(r.path)).map((r) => r.path)).toEqual(['/api/v1/licences/marriage/consent', '/api/v1/licences/household/consent'])
})
