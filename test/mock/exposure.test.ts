// What the platform shows and to whom: the simulation controls only with this run's token from this
// machine; browsers only from the app's own origins; the WeChat fallback only on this machine; lists in
// pages; 身份证 numbers masked in every case reply.
import { newDraftId, newIdempotencyKey } from '@/services/platform'
import { createPlatform } from '../../mock/server'
import { ADMIN_TOKEN, CATALOGUE, fillDraft, raw, signIn, start, tmpDir, uploader, type Running, type TestClient } from '../contract/support/harness'

let r: Running
beforeAll(async () => {
  r = await start()
})
afterAll(() => r.stop())

describe('the simulation controls', () => {
  test("need this run's token and this machine: the right token from another address is refused", async () => {
    const ok = await raw(r.url, 'GET', '/admin/clock', { headers: { 'X-Admin-Token': ADMIN_TOKEN } })
    expect(ok.status).toBe(200)
    // the H5 dev server proxies a phone on the network with X-Forwarded-For: not this machine
    const proxied = await raw(r.url, 'POST', '/admin/reset', { headers: { 'X-Admin-Token': ADMIN_TOKEN, 'X-Forwarded-For': '192.168.1.23' } })
    expect(proxied.status).toBe(403)
    expect(proxied.json.error.message).toBe('模拟平台的控制接口只接受本机的请求')
  })

  test('the token is random for every start unless one is given', async () => {
    const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }
    const a = createPlatform({ dataDir: tmpDir('yjs-tok-'), catalogueDir: CATALOGUE, logger: quiet })
    const b = createPlatform({ dataDir: tmpDir('yjs-tok-'), catalogueDir: CATALOGUE, logger: quiet })
    expect(a.adminToken).not.toBe(b.adminToken)
    expect(a.adminToken.length).toBeGreaterThanOrEqual(20)
    expect(a.adminToken).not.toBe('dev-admin')
    await Promise.all([a.close(), b.close()])
  })
})

describe('browsers', () => {
  const call = (origin: string | undefined, method = 'GET', p = '/bundles', extra: Record<string, string> = {}) => raw(r.url, method, p, { headers: { ...(origin ? { Origin: origin } : {}), ...extra } })

  test("a page of another origin gets 403 and no CORS grant, preflight included; the app's origins are granted", async () => {
    const evil = await call('https://evil.example')
    expect(evil.status).toBe(403)
    expect(evil.headers.get('access-control-allow-origin')).toBeNull()
    const preflight = await call('https://evil.example', 'OPTIONS', '/auth/sms/send', { 'Access-Control-Request-Method': 'POST' })
    expect(preflight.status).toBe(403)
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
    // a "simple" cross-site POST (no preflight) is refused before it does anything
    const sms = await raw(r.url, 'POST', '/auth/sms/send', { headers: { Origin: 'https://evil.example', 'Content-Type': 'text/plain' }, body: JSON.stringify({ mobile: '13807310001' }) })
    expect(sms.status).toBe(403)
    expect(r.logs.some((l) => l.includes('短信验证码已发送'))).toBe(false)

    for (const origin of ['http://localhost:10086', 'http://127.0.0.1:10086', r.url]) {
      const res = await call(origin)
      expect(res.status).toBe(200)
      expect(res.headers.get('access-control-allow-origin')).toBe(origin)
      expect(res.headers.get('vary')).toContain('Origin')
    }
    const ok = await call('http://localhost:10086', 'OPTIONS', '/cases', { 'Access-Control-Request-Method': 'POST' })
    expect(ok.status).toBe(204)
    // the admin token is never something a web page may send
    expect(ok.headers.get('access-control-allow-headers')).not.toMatch(/X-Admin-Token/i)
    // no Origin (WeChat, curl, the app's own same-origin GETs): no CORS headers needed, none sent
    const plain = await call(undefined)
    expect(plain.status).toBe(200)
    expect(plain.headers.get('access-control-allow-origin')).toBeNull()
  })

  test('the origins are configurable', async () => {
    const custom = await start({ corsOrigins: ['https://app.example'] })
    try {
      expect((await raw(custom.url, 'GET', '/bundles', { headers: { Origin: 'https://app.example' } })).headers.get('access-control-allow-origin')).toBe('https://app.example')
      expect((await raw(custom.url, 'GET', '/bundles', { headers: { Origin: 'http://localhost:10086' } })).status).toBe(403)
    } finally {
      await custom.stop()
    }
  })
})

describe('WeChat fallback sign-in', () => {
  test('signs unknown codes in only for callers on this machine', async () => {
    const devtools = await start({ wechatFallbackCode: 'dev-elder' })
    try {
      const body = JSON.stringify({ code: '071aBcDevToolsRandomCode' })
      const here = await raw(devtools.url, 'POST', '/auth/wechat', { headers: { 'Content-Type': 'application/json' }, body })
      expect(here.json.profile.name).toBe('王德明')
      const phone = await raw(devtools.url, 'POST', '/auth/wechat', { headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '192.168.1.40' }, body })
      expect(phone.status).toBe(401)
      const phoneCode = JSON.stringify({ code: 'random-phone-code' })
      expect((await raw(devtools.url, 'POST', '/auth/wechat/phone', { headers: { 'Content-Type': 'application/json' }, body: phoneCode })).status).toBe(200)
      expect((await raw(devtools.url, 'POST', '/auth/wechat/phone', { headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '192.168.1.40' }, body: phoneCode })).status).toBe(401)
      // a registered code works from anywhere
      const known = await raw(devtools.url, 'POST', '/auth/wechat', { headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '192.168.1.40' }, body: JSON.stringify({ code: 'dev-citizen-1' }) })
      expect(known.status).toBe(200)
    } finally {
      await devtools.stop()
    }
  })

  test('listening beyond loopback prints a loud warning', async () => {
    const lines: string[] = []
    const p = createPlatform({ dataDir: tmpDir('yjs-wide-'), catalogueDir: CATALOGUE, wechatFallbackCode: 'dev-citizen-1', logger: { info: () => undefined, warn: (l) => lines.push(l), error: () => undefined } })
    await p.listen(0, '0.0.0.0')
    await p.close()
    const text = lines.join('\n')
    expect(text).toMatch(/本机以外的设备也能访问/)
    expect(text).toMatch(/微信兜底登录.*只对本机的请求生效/)
    const quiet: string[] = []
    const local = createPlatform({ dataDir: tmpDir('yjs-local-'), catalogueDir: CATALOGUE, logger: { info: () => undefined, warn: (l) => quiet.push(l), error: () => undefined } })
    await local.listen(0, '127.0.0.1')
    await local.close()
    expect(quiet.join('\n')).not.toMatch(/本机以外/)
  })
})

describe('lists and 身份证 numbers', () => {
  let c: TestClient
  let ids: string[]
  beforeAll(async () => {
    c = r.client()
    const who = await signIn(c, 'dev-elder')
    const t = await c.getBundle('tuixiu')
    const content = await fillDraft(t, { ...who, upload: uploader(c, t.id) })
    ids = []
    for (let i = 0; i < 3; i++) ids.push((await c.submitCase({ draftId: newDraftId(), content }, newIdempotencyKey())).id)
    // one open draft per bundle and actor: the citizen's own, one a window's staff and one a relative keep for them
    for (const actor of ['self', 'staff', 'relative'] as const) await c.putDraft(newDraftId(), content, 0, { acting: { actor, promiseAuthorised: false } })
  })

  test('GET /cases, /drafts and /admin/cases come in pages; the client reads them all', async () => {
    const auth = { Authorization: `Bearer ${c.tokens.current!.accessToken}` }
    const first = await raw(r.url, 'GET', '/cases?limit=2', { headers: auth })
    expect(first.json.cases.map((x: { id: string }) => x.id)).toEqual([ids[2], ids[1]])
    const second = await raw(r.url, 'GET', `/cases?limit=2&cursor=${first.json.nextCursor}`, { headers: auth })
    expect(second.json.cases.map((x: { id: string }) => x.id)).toEqual([ids[0]])
    expect(second.json.nextCursor).toBeUndefined()
    const drafts = await raw(r.url, 'GET', '/drafts?limit=2', { headers: auth })
    expect(drafts.json.drafts).toHaveLength(2)
    expect(drafts.json.nextCursor).toEqual(expect.any(String))
    expect((await c.listDrafts()).length).toBe(6) // 3 open, 3 submitted by the cases
    expect((await c.listCases()).map((x) => x.id)).toEqual([...ids].reverse())
    const admin = await raw(r.url, 'GET', '/admin/cases?limit=1', { headers: { 'X-Admin-Token': ADMIN_TOKEN } })
    expect(admin.json.cases).toHaveLength(1)
    expect(admin.json.nextCursor).toEqual(expect.any(String))
    expect((await raw(r.url, 'GET', '/cases?limit=500', { headers: auth })).status).toBe(400)
    expect((await raw(r.url, 'GET', '/cases?cursor=%%%', { headers: auth })).status).toBe(400)
  })

  test('case replies mask the 身份证 numbers that were submitted; the stored case keeps them for the departments', async () => {
    const idNumber = '430103195801012114'
    const auth = { Authorization: `Bearer ${c.tokens.current!.accessToken}` }
    const replies = [
      (await raw(r.url, 'GET', `/cases/${ids[0]}`, { headers: auth })).text,
      (await raw(r.url, 'GET', '/cases', { headers: auth })).text,
      (await raw(r.url, 'GET', '/admin/cases', { headers: { 'X-Admin-Token': ADMIN_TOKEN } })).text,
    ]
    for (const text of replies) {
      expect(text).not.toContain(idNumber)
      expect(text).toContain('430103********2114')
    }
    expect(JSON.stringify(r.platform.core.state.cases.get(ids[0])!.content)).toContain(idNumber)
  })
})
