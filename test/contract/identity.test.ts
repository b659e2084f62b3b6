// Identity against the real mock: WeChat code, SMS code, staff password, expiry and refresh, logout.
import fs from 'node:fs'
import path from 'node:path'
import { PlatformError } from '@/services/platform'
import { raw, start, type Running } from './support/harness'

let r: Running
beforeAll(async () => {
  r = await start()
})
afterAll(() => r.stop())

test('WeChat login maps a code to a fixture user and returns the real-name profile', async () => {
  const c = r.client()
  const res = await c.loginWechat('dev-elder')
  expect(res.profile).toMatchObject({ name: '王德明', idNumber: '430103195801012114', birthDate: '1958-01-01', sex: '男', role: 'citizen', kind: 'person' })
  expect(res.expiresIn).toBe(7200)
  expect(c.tokens.current?.accessToken).toBe(res.accessToken)
  expect(await c.me()).toEqual(res.profile)
})

test('a firm user carries firm name, 统一社会信用代码 and legal representative', async () => {
  const c = r.client()
  const { profile } = await c.loginWechat('dev-firm-1')
  expect(profile).toMatchObject({ kind: 'firm', firmName: '长沙湘味餐饮管理有限公司', uscc: '91430100MA4L12345A', legalRepresentative: '周立' })
})

test('an unknown WeChat code is refused with 401 in Chinese', async () => {
  const err = await r.client().loginWechat('nobody').catch((e) => e)
  expect(err).toBeInstanceOf(PlatformError)
  expect(err).toMatchObject({ kind: 'unauthorized', status: 401 })
  expect(err.message).toMatch(/微信登录凭证无效/)
})

test('with a fallback set (WeChat DevTools), an unknown WeChat code signs in as that fixture', async () => {
  const devtools = await start({ wechatFallbackCode: 'dev-elder' })
  try {
    const { profile } = await devtools.client().loginWechat('071aBcDevToolsRandomCode')
    expect(profile.name).toBe('王德明')
    const stillRefused = await devtools.client().loginWechat('').catch((e) => e)
    expect(stillRefused).toBeInstanceOf(PlatformError)
  } finally {
    await devtools.stop()
  }
})

test('SMS login: the development code 123456 works after a send; the log masks the number', async () => {
  const c = r.client()
  await c.sendSmsCode('13807310003')
  expect(r.logs.some((l) => l.includes('138****0003') && l.includes('123456'))).toBe(true)
  expect(r.logs.join('\n')).not.toContain('13807310003')
  const wrong = await c.loginSms('13807310003', '654321').catch((e) => e)
  expect(wrong).toMatchObject({ kind: 'unauthorized', message: '验证码不正确' })
  const res = await c.loginSms('13807310003', '123456')
  expect(res.profile.name).toBe('王德明')
  // used once: the same code does not sign in twice
  await expect(c.loginSms('13807310003', '123456')).rejects.toMatchObject({ kind: 'unauthorized' })
})

test('SMS: a second code within the cooldown is refused; a bad number is a 400 with the validator message', async () => {
  const c = r.client()
  await c.sendSmsCode('13807310004')
  await expect(c.sendSmsCode('13807310004')).rejects.toMatchObject({ status: 429, kind: 'server' })
  const bad = await c.sendSmsCode('1380731000').catch((e) => e)
  expect(bad).toMatchObject({ kind: 'bad-request', status: 400 })
  expect(bad.fieldErrors.mobile).toMatch(/手机号/)
})

test('SMS login for a number without real-name registration is refused', async () => {
  const c = r.client()
  await c.sendSmsCode('13900000000')
  await expect(c.loginSms('13900000000', '123456')).rejects.toMatchObject({ kind: 'unauthorized', message: expect.stringMatching(/实名注册/) })
})

test('staff login by account and password; a wrong password is 401', async () => {
  const c = r.client()
  const res = await c.loginStaff('staff01', 'Window@2026')
  expect(res.profile).toMatchObject({ role: 'staff', name: '刘刚' })
  await expect(r.client().loginStaff('staff01', 'wrong')).rejects.toMatchObject({ kind: 'unauthorized', message: '账号或密码不正确' })
})

test('an expired access token is refreshed once by the client, transparently', async () => {
  const c = r.client()
  await c.loginWechat('dev-citizen-1')
  const before = c.tokens.current!
  r.tick(2 * 3600_000 + 1000)
  const direct = await raw(r.url, 'GET', '/me', { headers: { Authorization: `Bearer ${before.accessToken}` } })
  expect(direct.status).toBe(401)
  expect(direct.json.error.code).toBe('TOKEN_EXPIRED')
  expect((await c.me()).name).toBe('刘洋')
  expect(c.tokens.current!.accessToken).not.toBe(before.accessToken)
  expect(c.tokens.current!.refreshToken).not.toBe(before.refreshToken)
})

describe('refresh tokens: one family per sign-in', () => {
  const refresh = (token: string) => raw(r.url, 'POST', '/auth/refresh', { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken: token }) })
  const meWith = async (access: string) => (await raw(r.url, 'GET', '/me', { headers: { Authorization: `Bearer ${access}` } })).status
  /** signed in, then refreshed once: the refresh token rotated away and the pair in use */
  async function rotated(code: string) {
    const c = r.client()
    await c.loginWechat(code)
    const first = c.tokens.current!.refreshToken
    expect(await c.refresh()).toBe(true)
    return { c, first, current: c.tokens.current! }
  }

  test('within 60 s a rotated token gets the very pair it was exchanged for (a lost answer), and the citizen stays signed in', async () => {
    const { c, first, current: issued } = await rotated('dev-citizen-2')
    r.tick(30_000)
    const again = await refresh(first)
    expect(again.status).toBe(200)
    expect(again.json).toEqual({ accessToken: issued.accessToken, refreshToken: issued.refreshToken, expiresIn: issued.expiresIn, refreshExpiresIn: issued.refreshExpiresIn })
    // twice is no different, and the pair in use keeps working
    expect((await refresh(first)).json.refreshToken).toBe(issued.refreshToken)
    expect(await meWith(issued.accessToken)).toBe(200)
    expect((await c.me()).name).toBe('陈静')
  })

  test('a rotated token presented after 60 s is reuse: the whole family is signed out', async () => {
    const { first, current } = await rotated('dev-citizen-1')
    r.tick(61_000)
    const late = await refresh(first)
    expect(late.status).toBe(401)
    expect(late.json.error.message).toMatch(/重复使用/)
    expect(await meWith(current.accessToken)).toBe(401)
    expect((await refresh(current.refreshToken)).status).toBe(401)
    expect(r.logs.some((l) => l.includes('刷新凭证被重复使用'))).toBe(true)
  })

  test('a token two rotations old is reuse even within a minute', async () => {
    const c = r.client()
    await c.loginWechat('dev-elder')
    const first = c.tokens.current!.refreshToken
    await c.refresh()
    await c.refresh()
    const current = c.tokens.current!
    expect((await refresh(first)).status).toBe(401)
    expect(await meWith(current.accessToken)).toBe(401)
  })

  test('an access token is no refresh token, and a refresh token is no access token', async () => {
    const c = r.client()
    await c.loginWechat('dev-firm-1')
    const pair = c.tokens.current!
    expect((await refresh(pair.accessToken)).status).toBe(401)
    expect(await meWith(pair.refreshToken)).toBe(401)
    expect(await meWith(pair.accessToken)).toBe(200)
  })

  test('the data folder holds no live token: hashes, and the pair for the grace window sealed with the old token', async () => {
    const c = r.client()
    await c.loginWechat('dev-firm-2')
    await c.refresh()
    const pair = c.tokens.current!
    const files = fs.readdirSync(path.join(r.dataDir, 'sessions')).map((f) => fs.readFileSync(path.join(r.dataDir, 'sessions', f), 'utf8'))
    const all = files.join('\n')
    expect(all).not.toContain(pair.accessToken)
    expect(all).not.toContain(pair.refreshToken)
    expect(all).not.toContain(pair.accessToken.slice(3))
  })
})

test('when the refresh token has expired too, the call fails as unauthorized and the session is cleared', async () => {
  const c = r.client()
  await c.loginWechat('dev-veteran')
  r.tick(31 * 24 * 3600_000)
  const err = await c.me().catch((e) => e)
  expect(err).toMatchObject({ kind: 'unauthorized' })
  expect(c.tokens.current).toBeNull()
})

test('logout ends the family: the access token, the refresh token and the one rotated away within the minute', async () => {
  const c = r.client()
  await c.loginWechat('dev-barred')
  const first = c.tokens.current!.refreshToken
  await c.refresh()
  const { accessToken, refreshToken } = c.tokens.current!
  await c.logout()
  expect(c.tokens.current).toBeNull()
  const after = await raw(r.url, 'GET', '/me', { headers: { Authorization: `Bearer ${accessToken}` } })
  expect(after.status).toBe(401)
  expect(after.json.error.code).toBe('UNAUTHORIZED')
  for (const t of [refreshToken, first]) {
    const res = await raw(r.url, 'POST', '/auth/refresh', { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken: t }) })
    expect(res.status).toBe(401)
  }
})

test('e-licences: a masked list, then the data after consent (recorded)', async () => {
  const c = r.client()
  await c.loginWechat('dev-elder')
  const list = await c.listLicences()
  expect(list.map((l) => l.kind).sort()).toEqual(['household', 'idCard', 'property', 'retirementCertificate', 'socialSecurityCard'])
  const id = list.find((l) => l.kind === 'idCard')!
  expect(id.number).toBe('430103********2114')
  expect(id.holder).toBe('王*明')
  expect(id.consented).toBe(false)
  const got = await c.consentLicence('household', { purpose: '新生儿出生一件事', bundleId: 'xinshenger' })
  expect(got.data).toMatchObject({ householder: '王德明', address: expect.stringContaining('天心区'), relation: '户主' })
  expect((await c.listLicences()).find((l) => l.kind === 'household')!.consented).toBe(true)
  await expect(c.consentLicence('businessLicence')).rejects.toMatchObject({ kind: 'not-found' })
})

test('a firm sees its 营业执照 unmasked (public data) and gets the prefill fields', async () => {
  const c = r.client()
  await c.loginWechat('dev-firm-1')
  const biz = (await c.listLicences()).find((l) => l.kind === 'businessLicence')!
  expect(biz.number).toBe('91430100MA4L12345A')
  const got = await c.consentLicence('businessLicence')
  expect(got.data).toMatchObject({ name: '长沙湘味餐饮管理有限公司', uscc: '91430100MA4L12345A', legalRepresentative: '周立' })
})

test('the citizen without e-licences has an empty list', async () => {
  const c = r.client()
  await c.loginWechat('dev-no-licence')
  expect(await c.listLicences()).toEqual([])
})
