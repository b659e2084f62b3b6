// The window's console and the citizen's grants against the real mock platform: what the scanner gives is
// read by the rulebook before anything is sent; the grant in use is named on the citizen's calls and dropped
// when the platform says it ended; a grant request is refused at the field before it is sent.
import { createFetchTransport } from '@/services/http/fetch-transport'
import { createPlatformClient, type PlatformClient } from '@/services/platform'
import type { TokenPair } from '@/services/contract'
import { createGrantsStore } from '@/stores/grants'
import { createStaffStore } from '@/stores/staff'
import { start, type Running } from '../contract/support/harness'

let r: Running
afterAll(() => r?.stop())
beforeAll(async () => {
  r = await start()
})

function client(acting?: { grantId?: string }): PlatformClient & { calls: string[] } {
  let tokens: TokenPair | null = null
  const calls: string[] = []
  const transport = createFetchTransport()
  const c = createPlatformClient({
    baseUrl: r.url,
    transport: (req) => {
      calls.push(`${req.method} ${req.url.replace(/^.*\/api\/v1/, '')}`)
      return transport(req)
    },
    session: { getAccessToken: () => tokens?.accessToken, getRefreshToken: () => tokens?.refreshToken, setTokens: (t) => void (tokens = t), clear: () => void (tokens = null) },
    retry: { attempts: 1 },
    actingGrant: () => acting?.grantId,
  })
  return Object.assign(c, { calls })
}

test('a grant request with missing choices is refused at the fields without a request; a good one shows its code', async () => {
  const c = client()
  await c.loginWechat('dev-elder')
  const grants = createGrantsStore(c)
  const before = c.calls.length
  expect(await grants.getState().createWindowGrant({ scope: { kind: 'bundle', bundleId: 'kaiban-canyin' }, minutes: 30 })).toBeUndefined()
  expect(grants.getState().fieldErrors).toEqual({ hallId: '请选择为您办理的服务大厅' })
  expect(c.calls.length).toBe(before)
  const g = await grants.getState().createWindowGrant({ scope: { kind: 'bundle', bundleId: 'kaiban-canyin' }, hallId: 'hall-430103', minutes: 30 })
  expect(g?.code).toMatch(/^\d{8}$/)
  expect(grants.getState().grants[0].id).toBe(g!.id)
})

test('the console: a typo never reaches the platform; a code opens the citizen; a revoke drops them at the next call', async () => {
  const elder = client()
  await elder.loginWechat('dev-elder')
  const grants = createGrantsStore(elder)
  const g = (await grants.getState().createWindowGrant({ scope: { kind: 'bundle', bundleId: 'kaiban-canyin' }, hallId: 'hall-430103', minutes: 30 }))!

  const acting: { grantId?: string } = {}
  const c = client(acting)
  const staff = createStaffStore({ client: c, acting })
  expect(await staff.getState().login('staff02', 'Window@2026')).toBe(true)
  expect(staff.getState().hall?.name).toBe('长沙市天心区政务服务中心')
  const before = c.calls.length
  await staff.getState().open('12-34')
  expect(staff.getState().fieldErrors.scan).toMatch(/^无法识别/)
  // an SMS code asks for the number first
  await staff.getState().open('123456')
  expect(staff.getState().smsCode).toBe('123456')
  expect(c.calls.length).toBe(before)

  await staff.getState().open(g.qrText!)
  expect(staff.getState().subject?.profile.name).toBe('王德明')
  expect(acting.grantId).toBe(g.id)
  expect(c.calls.slice(before)).toEqual(['POST /staff/open', 'GET /acting/subject'])

  await grants.getState().revoke(g.id)
  await staff.getState().use(staff.getState().grants[0])
  expect(staff.getState().error).toBe('申请人已撤销授权，不能继续代办')
  expect(staff.getState().subject).toBeUndefined()
  expect(acting.grantId).toBeUndefined()
})
