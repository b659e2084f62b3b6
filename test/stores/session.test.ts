// services/storage.ts imports @tarojs/taro (unusable in jest) beside memoryStorage: stub the module.
import { memoryStorage } from '@/services/storage'
import { PlatformError } from '@/services/platform'
import { createTokenStore } from '@/services/tokens'
import { consentedLicences, createSessionStore, prefillData, type SessionClient } from '@/stores/session'
import { profile } from '../components/fixtures'

const tokens = { accessToken: 'a', refreshToken: 'r', expiresIn: 60, refreshExpiresIn: 600 }

function fakeClient(over: Partial<SessionClient> = {}): SessionClient {
  return {
    me: jest.fn(async () => profile),
    listLicences: jest.fn(async () => [{ kind: 'idCard' as const, title: '居民身份证', holder: '张*', number: '4301**', issuer: '公安', issuedAt: '2020-01-01', consented: false }]),
    consentLicence: jest.fn(async (kind) => ({ kind, title: 'x', data: { uscc: '91430100MA4L12345A' }, consentId: 'c1', consentedAt: 'now' })),
    loginWechat: jest.fn(async () => ({ ...tokens, profile })),
    loginWechatPhone: jest.fn(async () => ({ ...tokens, profile })),
    sendSmsCode: jest.fn(async () => ({ sent: true as const, cooldownSeconds: 60, expiresInSeconds: 300 })),
    loginSms: jest.fn(async () => ({ ...tokens, profile })),
    logout: jest.fn(async () => undefined),
    myFirms: jest.fn(async () => []),
    ...over,
  }
}

test('without saved tokens the citizen is signed out and nothing is fetched', async () => {
  const client = fakeClient()
  const store = createSessionStore({ client, tokens: createTokenStore(memoryStorage()) })
  await store.getState().restore()
  expect(store.getState().status).toBe('signed-out')
  expect(client.me).not.toHaveBeenCalled()
})

test('SMS sign-in loads the profile and e-licences; prefill data comes from them', async () => {
  const client = fakeClient()
  const store = createSessionStore({ client, tokens: createTokenStore(memoryStorage()), now: () => 1000 })
  expect(await store.getState().sendSmsCode('13812345678')).toBe(true)
  expect(store.getState().smsCooldownUntil).toBe(61000)
  expect(await store.getState().loginSms('13812345678', '123456')).toBe(true)
  expect(store.getState().status).toBe('signed-in')
  expect(store.getState().licences.map((l) => l.kind)).toEqual(['idCard'])
  await store.getState().consentLicence('businessLicence', 'test-shop')
  const data = prefillData(store.getState())
  expect(data?.profile?.idNumber).toBe(profile.idNumber)
  expect(data?.licences?.businessLicence?.uscc).toBe('91430100MA4L12345A')
})

test('a wrong code shows the platform message in Chinese and stays signed out', async () => {
  const client = fakeClient({ loginSms: jest.fn(async () => Promise.reject(new PlatformError({ kind: 'unauthorized', message: '验证码错误或已过期' }))) })
  const store = createSessionStore({ client, tokens: createTokenStore(memoryStorage()) })
  expect(await store.getState().loginSms('13812345678', '000000')).toBe(false)
  expect(store.getState()).toMatchObject({ status: 'signed-out', error: '验证码错误或已过期' })
})

test('saved tokens restore the session; the client dropping them signs the citizen out', async () => {
  const kv = memoryStorage()
  const t = createTokenStore(kv)
  t.setTokens(tokens)
  const store = createSessionStore({ client: fakeClient(), tokens: createTokenStore(kv) })
  await store.getState().restore()
  expect(store.getState().status).toBe('signed-in')
  expect(store.getState().profile?.name).toBe('张三')
  // the same token store the client uses
  const shared = createTokenStore(kv)
  const s2 = createSessionStore({ client: fakeClient(), tokens: shared })
  await s2.getState().restore()
  await shared.clear()
  expect(s2.getState().status).toBe('signed-out')
  expect(s2.getState().profile).toBeUndefined()
})

test('the profile (with the ID number) is never written to storage', async () => {
  const kv = memoryStorage()
  const t = createTokenStore(kv)
  // the real client stores the tokens it receives in the token store it was given
  const loginWechat = jest.fn(async () => {
    t.setTokens(tokens)
    return { ...tokens, profile }
  })
  const store = createSessionStore({ client: fakeClient({ loginWechat }), tokens: t })
  await store.getState().loginWechat('code-1')
  expect(store.getState().profile?.idNumber).toBe(profile.idNumber)
  const everything = ['yjs.tokens.v1'].map((k) => kv.getItem(k) ?? '').join('')
  expect(everything).toContain('accessToken')
  expect(everything).not.toContain(profile.idNumber)
})

test('a consent given earlier (kept by the platform) counts after a reload; one given now counts at once', () => {
  const licence = (kind: 'idCard' | 'property', consented: boolean) => ({ kind, title: '', holder: '', number: '', issuer: '', issuedAt: '', consented })
  expect(consentedLicences({ licences: [licence('idCard', true), licence('property', false)], licenceData: {} })).toEqual({ idCard: true })
  expect(consentedLicences({ licences: [licence('property', false)], licenceData: { property: { area: '80' } } })).toEqual({ property: true })
})

const XIANGWEI = { uscc: '91430100MA4L12345A', firmName: '长沙湘味餐饮管理有限公司', legalRepresentative: '周立', role: '经办人' as const }

test('acting for a firm: the choice is kept on the device for this person only, and the firm is the applicant in the prefill', async () => {
  const kv = memoryStorage()
  const shared = createTokenStore(kv)
  shared.setTokens(tokens)
  const client = fakeClient({ myFirms: jest.fn(async () => [XIANGWEI]) })
  const store = createSessionStore({ client, tokens: shared, storage: kv })
  expect(await store.getState().loginSms('13807310004', '123456')).toBe(true)
  expect(store.getState().firms).toEqual([XIANGWEI])
  expect(store.getState().firm).toBeUndefined()
  store.getState().chooseFirm(XIANGWEI.uscc)
  expect(store.getState().firm).toEqual(XIANGWEI)
  const data = prefillData(store.getState(), XIANGWEI.uscc)
  expect(data?.profile).toMatchObject({ name: profile.name, idNumber: profile.idNumber, firmName: XIANGWEI.firmName, uscc: XIANGWEI.uscc, legalRepresentative: '周立' })
  // a draft for oneself gets no firm, whatever is chosen now
  expect(prefillData(store.getState())?.profile?.firmName).toBeUndefined()

  // restart: the same person gets the choice back; a code not in the platform's list is not honoured
  const again = createSessionStore({ client, tokens: shared, storage: kv })
  await again.getState().restore()
  expect(again.getState().firm).toEqual(XIANGWEI)
  const other = createSessionStore({ client: fakeClient({ me: jest.fn(async () => ({ ...profile, userId: 'someone-else' })), myFirms: jest.fn(async () => [XIANGWEI]) }), tokens: shared, storage: kv })
  await other.getState().restore()
  expect(other.getState().firm).toBeUndefined()

  again.getState().chooseFirm(undefined)
  const third = createSessionStore({ client, tokens: shared, storage: kv })
  await third.getState().restore()
  expect(third.getState().firm).toBeUndefined()
})

test('the sign-in’s end follows the tokens; 继续使用 refreshes it to its full lifetime again; a failed refresh says so', async () => {
  let clock = 1000
  const saved = memoryStorage()
  const kv = createTokenStore(saved, 'k', () => clock)
  const refresh = jest.fn(async () => {
    kv.setTokens({ ...tokens, accessToken: 'a2', refreshToken: 'r2' })
    return true
  })
  const store = createSessionStore({ client: fakeClient({ refresh }), tokens: kv })
  expect(store.getState().sessionEndsAt).toBeUndefined()
  // the client saves the pair of a sign-in: the refresh token lives 600 s
  kv.setTokens(tokens)
  expect(store.getState().sessionEndsAt).toBe(601_000)
  clock = 500_000
  expect(await store.getState().extend()).toBe(true)
  expect(refresh).toHaveBeenCalledTimes(1)
  expect(store.getState().sessionEndsAt).toBe(1_100_000)
  // saved with the tokens: a reload knows the end too
  expect(createTokenStore(saved, 'k').sessionEndsAt()).toBe(1_100_000)
  const offline = createSessionStore({ client: fakeClient({ refresh: jest.fn(async () => Promise.reject(new PlatformError({ kind: 'offline', message: '网络不可用' }))) }), tokens: kv })
  expect(await offline.getState().extend()).toBe(false)
  expect(offline.getState().sessionEndsAt).toBe(1_100_000)
  kv.clear()
  expect(store.getState().sessionEndsAt).toBeUndefined()
})

test('saved tokens are checked only after the first paint; a sign-in meanwhile is not undone by the check', async () => {
  const kv = memoryStorage()
  createTokenStore(kv).setTokens(tokens)
  let painted!: () => void
  const paint = new Promise<void>((resolve) => (painted = resolve))
  const client = fakeClient()
  const store = createSessionStore({ client, tokens: createTokenStore(kv), afterFirstPaint: () => paint })
  const restoring = [store.getState().restore(), store.getState().restore()]
  await Promise.resolve()
  // nothing is asked before the page has painted; the status still says "not known yet"
  expect(store.getState().status).toBe('unknown')
  expect(client.me).not.toHaveBeenCalled()
  painted()
  await Promise.all(restoring)
  expect(store.getState().status).toBe('signed-in')
  // both calls waited for one check
  expect(client.me).toHaveBeenCalledTimes(1)

  // a visitor is known to be signed out at once (home chooses its region by it)
  const visitor = createSessionStore({ client: fakeClient(), tokens: createTokenStore(memoryStorage()), afterFirstPaint: () => new Promise(() => undefined) })
  void visitor.getState().restore()
  expect(visitor.getState().status).toBe('signed-out')

  // an SMS sign-in while the check waits: the check does not run over it
  const kv2 = memoryStorage()
  createTokenStore(kv2).setTokens(tokens)
  let painted2!: () => void
  const client2 = fakeClient()
  const s2 = createSessionStore({ client: client2, tokens: createTokenStore(kv2), afterFirstPaint: () => new Promise<void>((resolve) => (painted2 = resolve)) })
  const waiting = s2.getState().restore()
  expect(await s2.getState().loginSms('13812345678', '123456')).toBe(true)
  painted2()
  await waiting
  expect(s2.getState().status).toBe('signed-in')
  expect(client2.me).not.toHaveBeenCalled()
})
