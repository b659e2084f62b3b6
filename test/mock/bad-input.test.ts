// Bad input to any route gets a 4xx with a clear Chinese message, never a crash or a damaged state.
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { newDraftId, newIdempotencyKey } from '@/services/platform'
import { seededRandom } from '../../mock/server/random'
import { fillDraft, raw, signIn, start, type Running, type TestClient } from '../contract/support/harness'

let r: Running
let c: TestClient
let auth: Record<string, string>
let caseId: string

beforeAll(async () => {
  r = await start()
  c = r.client()
  const who = await signIn(c, 'dev-citizen-1')
  auth = { Authorization: `Bearer ${c.tokens.current!.accessToken}` }
  const t = await c.getBundle('bianlidian')
  caseId = (await c.submitCase({ draftId: newDraftId(), content: await fillDraft(t, who) }, newIdempotencyKey())).id
})
afterAll(() => r.stop())

const json = (body: string, extra: Record<string, string> = {}) => ({ headers: { ...auth, 'Content-Type': 'application/json', ...extra }, body })

test('malformed JSON → 400 in Chinese', async () => {
  const res = await raw(r.url, 'PUT', `/drafts/${newDraftId()}`, json('{"content": {'))
  expect(res.status).toBe(400)
  expect(res.json.error).toEqual({ code: 'BAD_REQUEST', message: '请求内容不是有效的 JSON' })
})

test('a JSON value of the wrong kind → 400 naming the problem', async () => {
  for (const body of ['[]', '"text"', '42', 'null']) {
    const res = await raw(r.url, 'POST', '/auth/wechat', json(body))
    expect(res.status).toBe(400)
    expect(res.json.error.code).toBe('BAD_REQUEST')
  }
  const wrong = await raw(r.url, 'POST', '/auth/wechat', json('{"code": 123}'))
  expect(wrong.json.error.fieldErrors).toEqual({ code: '应为字符串' })
})

test('an empty body where one is needed → 400; a non-JSON content type → 415', async () => {
  expect((await raw(r.url, 'POST', '/auth/wechat', json(''))).status).toBe(400)
  const html = await raw(r.url, 'POST', '/auth/wechat', { headers: { 'Content-Type': 'text/html' }, body: '<p>hi</p>' })
  expect(html.status).toBe(415)
  expect(html.json.error.message).toMatch(/JSON/)
})

test('a JSON body over 1 MB → 413, and the server carries on', async () => {
  const big = JSON.stringify({ content: { values: { x: 'a'.repeat(1024 * 1024 + 1) } }, baseVersion: 0 })
  const res = await raw(r.url, 'PUT', `/drafts/${newDraftId()}`, json(big))
  expect(res.status).toBe(413)
  expect(res.json.error.code).toBe('TOO_LARGE')
  expect((await c.health()).ok).toBe(true)
})

test('unknown route → 404; known route, wrong method → 405; both JSON', async () => {
  const a = await raw(r.url, 'GET', '/no/such/route')
  expect(a.status).toBe(404)
  expect(a.json.error).toEqual({ code: 'NOT_FOUND', message: '接口不存在' })
  const b = await raw(r.url, 'PATCH', '/drafts')
  expect(b.status).toBe(405)
  expect(b.json.error.code).toBe('METHOD_NOT_ALLOWED')
})

test('no token, a made-up token, an expired token', async () => {
  const none = await raw(r.url, 'GET', '/cases')
  expect(none.json.error).toEqual({ code: 'UNAUTHORIZED', message: '请先登录' })
  const made = await raw(r.url, 'GET', '/cases', { headers: { Authorization: 'Bearer at_madeup' } })
  expect(made.json.error.code).toBe('UNAUTHORIZED')
  const odd = await raw(r.url, 'GET', '/cases', { headers: { Authorization: 'Basic Zm9vOmJhcg==' } })
  expect(odd.status).toBe(401)
  const c2 = r.client()
  await c2.loginWechat('dev-elder')
  r.tick(3 * 3600_000)
  const expired = await raw(r.url, 'GET', '/cases', { headers: { Authorization: `Bearer ${c2.tokens.current!.accessToken}` } })
  expect(expired.status).toBe(401)
  expect(expired.json.error).toEqual({ code: 'TOKEN_EXPIRED', message: '登录已过期，请刷新登录凭证或重新登录' })
  r.tick(-3 * 3600_000)
})

test('unknown ids → 404; an id with broken percent-encoding → 400', async () => {
  expect((await raw(r.url, 'GET', `/drafts/${newDraftId()}`, { headers: auth })).status).toBe(404)
  expect((await raw(r.url, 'GET', '/cases/HN2026010100001', { headers: auth })).status).toBe(404)
  expect((await raw(r.url, 'GET', '/cases/not-a-case', { headers: auth })).status).toBe(404)
  expect((await raw(r.url, 'GET', '/uploads/f-nothing', { headers: auth })).status).toBe(404)
  expect((await raw(r.url, 'GET', '/drafts/%E0%A4%A', { headers: auth })).status).toBe(400)
})

test('garbage that is not HTTP gets a 400 and the server stays up', async () => {
  const url = new URL(r.url)
  const reply = await new Promise<string>((resolve) => {
    const s = net.connect(Number(url.port), url.hostname, () => s.write('HELLO\r\n\x00\x01\x02 not http at all\r\n\r\n'))
    let got = ''
    s.on('data', (d) => (got += d.toString()))
    s.on('close', () => resolve(got))
    s.on('error', () => resolve(got))
  })
  expect(reply).toMatch(/^HTTP\/1\.1 400/)
  expect((await c.health()).ok).toBe(true)
})

test('a fuzzed body on every route never gets a 5xx, never crashes, never damages the state', async () => {
  const rnd = seededRandom(42)
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]
  const values = (depth: number): unknown => {
    const k = rnd()
    if (depth > 2 || k < 0.2) return pick([null, true, false, 0, -1, 1.5, 1e308, '', '430102199003071234', 'x'.repeat(300), '<script>', '../../etc/passwd', '中文'])
    if (k < 0.5) return Array.from({ length: Math.floor(rnd() * 4) }, () => values(depth + 1))
    const keys = ['content', 'baseVersion', 'draftId', 'code', 'mobile', 'values', 'materials', 'answers', 'mode', 'fileIds', 'level', 'indicators', 'message', 'fields', 'hours', 'workingDays', 'faults', 'route', 'refreshToken', 'bundleId', 'region', 'templateVersion', 'applicantKind', 'matterId', 'outcome', 'reason', 'stalled', 'answers', 'channel']
    return Object.fromEntries(Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => [pick(keys), values(depth + 1)]))
  }
  const routes: [string, string][] = [
    ['POST', '/auth/wechat'],
    ['POST', '/auth/sms/send'],
    ['POST', '/auth/sms/verify'],
    ['POST', '/auth/staff'],
    ['POST', '/auth/refresh'],
    ['POST', '/licences/idCard/consent'],
    ['PUT', `/drafts/${newDraftId()}`],
    ['POST', '/cases'],
    ['POST', `/cases/${caseId}/supplement`],
    ['POST', `/cases/${caseId}/evaluation`],
    ['POST', `/cases/${caseId}/payments`],
    ['POST', `/dept/cases/${caseId}/supplement`],
    ['POST', `/dept/cases/${caseId}/accept`],
    ['POST', `/dept/cases/${caseId}/decide`],
    ['POST', `/admin/cases/${caseId}/stall`],
    ['POST', '/subscriptions'],
    ['POST', '/admin/clock/advance'],
    ['POST', '/admin/faults'],
  ]
  const casesBefore = r.platform.core.state.cases.size
  const statuses = new Set<number>()
  for (let i = 0; i < 300; i++) {
    const [method, p] = routes[i % routes.length]
    const body = JSON.stringify(values(0))
    const headers: Record<string, string> = { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': newIdempotencyKey() }
    if (p.startsWith('/admin/') || p.startsWith('/dept/')) headers['X-Admin-Token'] = 'test-admin-token'
    if (p === '/admin/clock/advance' || p === '/admin/faults') delete headers['X-Admin-Token'] // keep the clock and faults as they are
    const res = await raw(r.url, method, p, { headers, body })
    statuses.add(res.status)
    if (res.status >= 500) throw new Error(`${method} ${p} ${body} → ${res.status} ${res.text}`)
    if (res.status >= 400) expect(res.json.error.message).toMatch(/[\u4e00-\u9fa5]/)
  }
  expect([...statuses].every((s) => s < 500)).toBe(true)
  expect(r.platform.core.state.cases.size).toBe(casesBefore)
  expect((await c.getCase(caseId)).id).toBe(caseId)
  // every stored record is still whole JSON
  for (const dir of fs.readdirSync(r.dataDir)) {
    const full = path.join(r.dataDir, dir)
    if (!fs.statSync(full).isDirectory() || dir === 'files') continue
    for (const f of fs.readdirSync(full)) expect(() => JSON.parse(fs.readFileSync(path.join(full, f), 'utf8'))).not.toThrow()
  }
  expect(r.logs.filter((l) => l.startsWith('ERROR'))).toEqual([])
})
