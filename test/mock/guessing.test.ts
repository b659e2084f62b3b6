// Guessing passwords and SMS codes: staff accounts lock, a client that keeps failing waits longer each
// time, unknown accounts cost the same work as known ones, hashing never runs on the event loop; SMS codes
// are limited per number and per client, a number locks for the day, and nothing tells a registered
// number from an unregistered one until the right code is given.
import crypto from 'node:crypto'
import { raw, start, type Running } from '../contract/support/harness'

const STAFF = { account: 'staff01', password: 'Window@2026' }
const jsonHeaders = (extra: Record<string, string> = {}) => ({ 'Content-Type': 'application/json', ...extra })

describe('staff sign-in', () => {
  let r: Running
  beforeEach(async () => {
    r = await start()
  })
  afterEach(() => r.stop())

  const login = (account: string, password: string, from?: string) =>
    raw(r.url, 'POST', '/auth/staff', { headers: jsonHeaders(from ? { 'X-Forwarded-For': from } : {}), body: JSON.stringify({ account, password }) })

  test('five wrong passwords lock the account: the right one is refused until the lock ends', async () => {
    for (let i = 0; i < 5; i++) expect((await login(STAFF.account, `wrong-${i}`, `10.0.0.${i}`)).status).toBe(401)
    const locked = await login(STAFF.account, STAFF.password, '10.0.1.1')
    expect(locked.status).toBe(429)
    expect(locked.json.error.message).toMatch(/该账号连续登录失败次数过多，已暂时锁定，请 15 分钟后再试/)
    r.tick(15 * 60_000)
    expect((await login(STAFF.account, STAFF.password, '10.0.1.1')).status).toBe(200)
  })

  test('a success clears the count; another account is not affected', async () => {
    for (let i = 0; i < 4; i++) await login(STAFF.account, 'wrong', '10.0.2.1')
    expect((await login(STAFF.account, STAFF.password, '10.0.2.2')).status).toBe(200)
    for (let i = 0; i < 4; i++) expect((await login(STAFF.account, 'wrong', '10.0.2.3')).status).toBe(401)
    expect((await login('staff02', STAFF.password, '10.0.2.4')).status).toBe(200)
  })

  test('an unknown account is answered like a known one, costs the same scrypt, and locks the same way', async () => {
    const scrypt = jest.spyOn(crypto, 'scrypt')
    const known = await login(STAFF.account, 'wrong', '10.0.3.1')
    const unknown = await login('nobody-here', 'wrong', '10.0.3.2')
    expect(unknown.status).toBe(known.status)
    expect(unknown.json).toEqual(known.json)
    expect(scrypt).toHaveBeenCalledTimes(2)
    const [a, b] = scrypt.mock.calls
    expect([(a[1] as Buffer).length, a[2]]).toEqual([(b[1] as Buffer).length, b[2]])
    for (let i = 0; i < 4; i++) await login('nobody-here', 'wrong', `10.0.3.${10 + i}`)
    const lockedUnknown = await login('nobody-here', 'x', '10.0.3.20')
    for (let i = 0; i < 4; i++) await login(STAFF.account, 'wrong', `10.0.3.${30 + i}`)
    const lockedKnown = await login(STAFF.account, 'x', '10.0.3.40')
    expect(lockedUnknown.status).toBe(429)
    expect(lockedUnknown.json).toEqual(lockedKnown.json)
    scrypt.mockRestore()
  })

  test('hashing runs on the thread pool (async scrypt), never on the event loop', async () => {
    const sync = jest.spyOn(crypto, 'scryptSync')
    const async = jest.spyOn(crypto, 'scrypt')
    await Promise.all([login(STAFF.account, STAFF.password, '10.0.4.1'), login('staff02', 'wrong', '10.0.4.2')])
    expect(async).toHaveBeenCalledTimes(2)
    expect(sync).not.toHaveBeenCalled()
    sync.mockRestore()
    async.mockRestore()
  })

  test('one client failing on many accounts must wait, doubling each time, and is refused without hashing', async () => {
    for (let i = 0; i < 10; i++) expect((await login(`guess-${i}`, 'wrong', '198.51.100.7')).status).toBe(401)
    const scrypt = jest.spyOn(crypto, 'scrypt')
    const waiting = await login(STAFF.account, STAFF.password, '198.51.100.7')
    expect(waiting.status).toBe(429)
    expect(waiting.json.error.message).toMatch(/登录尝试过于频繁，请 1 秒后再试/)
    expect(scrypt).not.toHaveBeenCalled()
    // another client is not held up
    expect((await login(STAFF.account, STAFF.password, '198.51.100.8')).status).toBe(200)
    r.tick(1000)
    expect((await login('guess-x', 'wrong', '198.51.100.7')).status).toBe(401)
    expect((await login(STAFF.account, STAFF.password, '198.51.100.7')).json.error.message).toMatch(/请 2 秒后再试/)
    scrypt.mockRestore()
  })

  test('a client may have two password checks running at once; the rest are refused at once', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => login(`parallel-${i}`, 'wrong', '192.0.2.9')))
    const statuses = answers.map((a) => a.status).sort()
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(2)
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0)
  })
})

describe('SMS sign-in', () => {
  let r: Running
  beforeEach(async () => {
    r = await start()
  })
  afterEach(() => r.stop())

  const send = (mobile: string, from = '10.1.0.1') => raw(r.url, 'POST', '/auth/sms/send', { headers: jsonHeaders({ 'X-Forwarded-For': from }), body: JSON.stringify({ mobile }) })
  const verify = (mobile: string, code: string, from = '10.1.0.1') => raw(r.url, 'POST', '/auth/sms/verify', { headers: jsonHeaders({ 'X-Forwarded-For': from }), body: JSON.stringify({ mobile, code }) })
  const REGISTERED = '13807310001'
  const UNREGISTERED = '13900000077'

  test('registered and unregistered numbers get the same answers until the right code is given', async () => {
    const pairs: [Awaited<ReturnType<typeof send>>, Awaited<ReturnType<typeof send>>][] = []
    // no code sent yet
    pairs.push([await verify(REGISTERED, '000000', '10.1.1.1'), await verify(UNREGISTERED, '000000', '10.1.1.2')])
    pairs.push([await send(REGISTERED, '10.1.1.1'), await send(UNREGISTERED, '10.1.1.2')])
    pairs.push([await send(REGISTERED, '10.1.1.1'), await send(UNREGISTERED, '10.1.1.2')]) // cooldown
    pairs.push([await verify(REGISTERED, '000000', '10.1.1.1'), await verify(UNREGISTERED, '000000', '10.1.1.2')])
    r.tick(6 * 60_000)
    pairs.push([await verify(REGISTERED, '123456', '10.1.1.1'), await verify(UNREGISTERED, '123456', '10.1.1.2')]) // expired
    for (const [a, b] of pairs) {
      expect(b.status).toBe(a.status)
      expect(b.json).toEqual(a.json)
    }
    expect(pairs.map(([a]) => a.status)).toEqual([401, 200, 429, 401, 401])
    // the right code in time: now they differ
    await send(REGISTERED, '10.1.1.1')
    await send(UNREGISTERED, '10.1.1.2')
    expect((await verify(REGISTERED, '123456', '10.1.1.1')).status).toBe(200)
    expect((await verify(UNREGISTERED, '123456', '10.1.1.2')).json.error.message).toMatch(/实名注册/)
  })

  test('ten wrong codes in a day lock the number until midnight (Beijing), the right code included, for any number', async () => {
    for (const mobile of [REGISTERED, UNREGISTERED]) {
      for (let round = 0; round < 2; round++) {
        expect((await send(mobile, `10.1.2.${round}`)).status).toBe(200)
        for (let i = 0; i < 5; i++) expect((await verify(mobile, '000000', `10.1.3.${round * 5 + i}`)).status).toBe(401)
        r.tick(61_000)
      }
      const locked = await verify(mobile, '123456', '10.1.4.1')
      expect(locked.status).toBe(429)
      expect(locked.json.error.message).toMatch(/该手机号今日验证码错误次数过多/)
      expect((await send(mobile, '10.1.4.2')).status).toBe(429)
    }
    // START is 10:00 Beijing time: the next day starts 14 hours later
    r.tick(14 * 3600_000)
    expect((await send(REGISTERED, '10.1.5.1')).status).toBe(200)
    expect((await verify(REGISTERED, '123456', '10.1.5.1')).status).toBe(200)
  })

  test('sends are limited per number per day and per client per hour', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await send('13900000001', `10.1.6.${i}`)).status).toBe(200)
      r.tick(61_000)
    }
    const eleventh = await send('13900000001', '10.1.6.99')
    expect(eleventh.status).toBe(429)
    expect(eleventh.json.error.message).toMatch(/今日获取验证码次数已达上限/)
    // one client, many numbers
    for (let i = 0; i < 20; i++) expect((await send(`139000001${String(i).padStart(2, '0')}`, '203.0.113.50')).status).toBe(200)
    const tooMany = await send('13900000199', '203.0.113.50')
    expect(tooMany.status).toBe(429)
    expect(tooMany.json.error.message).toMatch(/获取验证码过于频繁/)
    expect((await send('13900000199', '203.0.113.51')).status).toBe(200)
    r.tick(3600_000)
    expect((await send('13900000198', '203.0.113.50')).status).toBe(200)
  })

  test('one client guessing codes across many numbers is stopped after 30 wrong codes in an hour', async () => {
    for (let i = 0; i < 30; i++) {
      const mobile = `137000000${String(i).padStart(2, '0')}`
      await send(mobile, `10.1.7.${i}`)
      expect((await verify(mobile, '000000', '203.0.113.60')).status).toBe(401)
    }
    await send('13700000099', '10.1.7.99')
    expect((await verify('13700000099', '000000', '203.0.113.60')).json.error.message).toMatch(/验证码错误次数过多，请 \d+ 分钟后再试/)
  })
})
