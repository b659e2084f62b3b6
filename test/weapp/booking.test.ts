// 线上预填、线下办理 on WeChat: the citizen's booking page in the mini-program runtime — signed in with
// wx.login, the booking with its number (示例), slot, hall and QR; 取消预约 asks with wx.showModal first, and the
// platform then holds it cancelled.
import { slotText } from '@/domain/assist/booking'
import { WeappDriver } from './support/journeys'
import { startMockPlatform, type MockPlatform } from './support/platform'
import { WeappRuntime } from './support/runtime'

let platform: MockPlatform
beforeAll(async () => {
  platform = await startMockPlatform()
})
afterAll(() => platform.stop())

async function api<T>(path: string, token: string, body?: unknown): Promise<{ status: number; json: T }> {
  const r = await fetch(`${platform.url}/api/v1${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  return { status: r.status, json: (await r.json()) as T }
}

test('my booking on WeChat: number marked 示例, slot, hall, QR; cancelling asks first and reaches the platform', async () => {
  const login = await fetch(`${platform.url}/api/v1/auth/wechat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: 'dev-citizen-1' }) })
  const token = ((await login.json()) as { accessToken: string }).accessToken
  // the first free slot of the 天心区 hall, whatever the time of the run
  const slots = await fetch(`${platform.url}/api/v1/halls/hall-430103/slots`).then((r) => r.json() as Promise<{ dates: string[] }>)
  let start: string | undefined
  for (const date of slots.dates) {
    const day = await fetch(`${platform.url}/api/v1/halls/hall-430103/slots?date=${date}`).then((r) => r.json() as Promise<{ slots: { start: string; free: boolean }[] }>)
    start = day.slots.find((s) => s.free)?.start
    if (start) break
  }
  const content = { bundleId: 'kaiban-canyin', templateVersion: 1, region: '430104', applicantKind: 'person', answers: {}, values: {}, materials: {} }
  const made = await api<{ id: string }>('/bookings', token, { hallId: 'hall-430103', start, content })
  expect(made.status).toBe(201)

  const app = await WeappRuntime.launch({ platformUrl: platform.url, path: 'pages/account/booking/index', account: { loginCode: 'dev-citizen-1', privacyAgreed: true } })
  const d = new WeappDriver(app)
  try {
    await app.waitForPage('pages/account/booking/index', '我的预约')
    await d.signInOnTheWay('登录后继续')
    await app.waitForText('请按预约时间到窗口出示此码')
    const text = app.text()
    expect(text).toContain(`预约号 ${made.json.id.replace(/^(YY\d{4})(\d{4})$/, '$1 $2')}`)
    expect(text).toContain('示例')
    expect(text).toContain(slotText(start!))
    expect(text).toContain('长沙市天心区政务服务中心')
    await app.getByRole('img', `预约号 ${made.json.id} 的二维码，供窗口扫描`)
    await d.press(`取消预约 ${made.json.id}`)
    await app.answerModal('confirm')
    await app.waitForText('开办餐饮店 · 已取消')
    const mine = await api<{ bookings: { id: string; status: string }[] }>('/bookings', token)
    expect(mine.json.bookings).toEqual([expect.objectContaining({ id: made.json.id, status: 'cancelled' })])
  } finally {
    await app.close()
  }
  app.assertHealthy()
})
