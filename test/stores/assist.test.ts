// The window's console and the citizen's grants against the real mock platform: what the scanner gives is
// read by the rulebook before anything is sent; the grant in use is named on the citizen's calls and dropped
// when the platform says it ended; a grant request is refused at the field before it is sent.
import { createFetchTransport } from '@/services/http/fetch-transport'
import { createPlatformClient, type PlatformClient } from '@/services/platform'
import type { TokenPair } from '@/services/contract'
import { createGrantsStore } from '@/stores/grants'
import { createStaffStore } from '@/stores/staff'
import { fileOf, start, type Running } from '../contract/support/harness'

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
  expect(g?.promiseAuthorised).toBe(false)
  expect(grants.getState().grants[0].id).toBe(g!.id)
  // the written authorisation for 告知承诺 reaches the platform only when given
  const promised = await grants.getState().createWindowGrant({ scope: { kind: 'bundle', bundleId: 'kaiban-canyin' }, hallId: 'hall-430103', minutes: 30, promiseAuthorised: true })
  expect(promised?.promiseAuthorised).toBe(true)
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

test('a reviewer signs in to the same console: the hall’s decision queue, no grants; a grant code or a refusal without a ground never reaches the platform', async () => {
  const acting: { grantId?: string } = {}
  const c = client(acting)
  const staff = createStaffStore({ client: c, acting })
  expect(await staff.getState().login('reviewer01', 'Window@2026')).toBe(true)
  expect(staff.getState().role).toBe('reviewer')
  expect(staff.getState().hall?.name).toBe('长沙市天心区政务服务中心')
  expect(c.calls).not.toContain('GET /staff/grants')
  expect(staff.getState().queue).toEqual([])
  const before = c.calls.length
  await staff.getState().open('12345678')
  expect(staff.getState().fieldErrors.scan).toBe('审批人员请输入或扫描办件编号（以 HN 开头）')
  staff.setState({ current: { record: { id: 'HN0000000000001' } as never, materials: [] } })
  await staff.getState().decide('food-licence', 'refused', undefined, '')
  expect(staff.getState().fieldErrors).toEqual({ 'food-licence.reason': '请选择不予许可的理由' })
  await staff.getState().decide('food-licence', 'refused', '其他（请在说明中写明）', '')
  expect(staff.getState().fieldErrors).toEqual({ 'food-licence.note': '选择“其他”时，请写明不予许可的理由' })
  expect(c.calls.length).toBe(before)
  // a citizen's account is not a desk account
  const citizen = createStaffStore({ client: client(), acting: {} })
  expect(await citizen.getState().login('dev-elder', 'x')).toBe(false)
})

test('亲情帮办 on the relative’s phone: a received grant opens the elder’s profile under it; stopping names it no more; a revoked one says so', async () => {
  const elder = client()
  await elder.loginWechat('dev-elder')
  const acting: { grantId?: string } = {}
  const c = client(acting)
  await c.loginWechat('dev-citizen-1')
  const given = await elder.createGrant({ grantee: 'relative', scope: { kind: 'bundle', bundleId: 'kaiban-canyin' }, relativeMobile: '13807310001', relation: '子女', days: 7 })
  const grants = createGrantsStore(c, acting)
  await grants.getState().load()
  const received = grants.getState().received.find((g) => g.id === given.id)!
  expect(received.citizen?.name).toBe('王*明')
  const subject = await grants.getState().actFor(received)
  expect(subject?.profile.name).toBe('王德明')
  expect(acting.grantId).toBe(given.id)
  grants.getState().stopActing()
  expect(acting.grantId).toBeUndefined()
  // the relative's own calls again: their own profile
  expect((await c.me()).name).toBe('刘洋')
  await elder.revokeGrant(given.id)
  expect(await grants.getState().actFor(received)).toBeUndefined()
  expect(grants.getState().error).toMatch(/撤销/)
  expect(acting.grantId).toBeUndefined()
})

test('the console opens a booking by its QR: the grant limited to it is named, the prefilled application comes with it; another hall is told where to send the citizen', async () => {
  const citizen = client()
  await citizen.loginWechat('dev-citizen-1')
  const content = { bundleId: 'kaiban-canyin', templateVersion: 1, region: '430104', applicantKind: 'person' as const, answers: {}, values: { 'business-name': '湘味小馆' }, materials: {} }
  const booked = await citizen.createBooking({ hallId: 'hall-430103', start: new Date('2026-11-26T10:30:00+08:00').toISOString(), content })

  const elsewhere = createStaffStore({ client: client(), acting: {} })
  await elsewhere.getState().login('staff01', 'Window@2026')
  await elsewhere.getState().open(booked.qrText!)
  expect(elsewhere.getState().error).toBe('该预约不在本厅办理（预约的是长沙市天心区政务服务中心），请引导申请人到预约的服务大厅')
  expect(elsewhere.getState().booking).toBeUndefined()

  const acting: { grantId?: string } = {}
  const c = client(acting)
  const staff = createStaffStore({ client: c, acting })
  await staff.getState().login('staff02', 'Window@2026')
  const before = c.calls.length
  await staff.getState().open(booked.qrText!)
  expect(c.calls.slice(before)).toEqual(['POST /staff/bookings/open', 'GET /acting/subject'])
  const opened = staff.getState().booking!
  expect(opened.booking).toMatchObject({ id: booked.id, citizen: { name: '刘*' } })
  expect(opened.content).toEqual(content)
  expect(acting.grantId).toBe(opened.grant.id)
  expect(staff.getState().subject?.grant.id).toBe(opened.grant.id)
  staff.getState().close()
  expect(staff.getState().booking).toBeUndefined()
  expect(acting.grantId).toBeUndefined()
})

test('窗口登记授权: nothing is sent until the rulebook is met; the 户口簿 scan is uploaded, the grant registered; a proxy’s paper opens the citizen at once', async () => {
  const acting: { grantId?: string } = {}
  const c = client(acting)
  const staff = createStaffStore({ client: c, acting })
  expect(await staff.getState().login('staff02', 'Window@2026')).toBe(true)
  const now = new Date().toISOString()
  const relative = { kind: 'relative' as const, idNumber: '430103195801012114', bundleId: 'kaiban-canyin', relativeMobile: '13807310001', relation: '子女' as const }
  const before = c.calls.length
  await staff.getState().registerGrant(relative, now)
  expect(staff.getState().grantErrors).toEqual({ proofFileId: '请上传户口簿（申请人页和亲属页）的扫描件或照片，作为亲属关系证明' })
  expect(c.calls.length).toBe(before)
  const scan = fileOf('jpg')
  await staff.getState().attachProof('relative', { name: '户口簿.jpg', type: scan.mime, data: scan.data })
  expect(staff.getState().proof).toMatchObject({ kind: 'relative', name: '户口簿.jpg' })
  await staff.getState().registerGrant(relative, now)
  expect(c.calls.slice(before)).toEqual(['POST /staff/proofs', 'POST /staff/grants'])
  expect(staff.getState().registered).toMatchObject({ grantee: 'relative', state: 'active', citizen: { name: '王*明' } })
  // a relative's grant is the relative's to use: the window does not act under it
  expect(staff.getState().subject).toBeUndefined()
  expect(staff.getState().proof).toBeUndefined()

  await staff.getState().attachProof('proxy', { name: '委托书.jpg', type: scan.mime, data: scan.data })
  await staff.getState().registerGrant({ kind: 'proxy', idNumber: '430103195801012114', bundleId: 'kaiban-canyin', proxyName: '李四', proxyIdNumber: '430104199605121238', promiseAuthorised: true }, now)
  expect(staff.getState().subject?.profile.name).toBe('王德明')
  expect(staff.getState().subject?.grant).toMatchObject({ promiseAuthorised: true, proxy: { name: '李四' } })
  expect(acting.grantId).toBe(staff.getState().registered?.id)
})
