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

test('JSON nested 10,000 levels deep → 400, never a 500 with a stack', async () => {
  for (const body of ['['.repeat(10_000) + ']'.repeat(10_000), `{"content":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)},"baseVersion":0}`]) {
    const res = await raw(r.url, 'PUT', `/drafts/${newDraftId()}`, json(body))
    expect(res.status).toBe(400)
    expect(res.json.error.message).toBe('请求内容（JSON）嵌套超过 32 层')
  }
  // brackets inside strings are text, not nesting
  const text = await raw(r.url, 'POST', '/auth/wechat', json(JSON.stringify({ code: '['.repeat(100) })))
  expect(text.status).toBe(401)
  expect(r.logs.filter((l) => l.startsWith('ERROR'))).toEqual([])
})

test('a "__proto__" key is part of the body like any other: a different body under the same key is a mismatch', async () => {
  const key = newIdempotencyKey()
  const send = (body: string) => raw(r.url, 'POST', '/licences/idCard/consent', json(body, { 'Idempotency-Key': key }))
  expect((await send('{"purpose":"x"}')).status).toBe(200)
  const other = await send('{"purpose":"x","__proto__":{"bundleId":"y"}}')
  expect(other.status).toBe(422)
  expect(other.json.error.code).toBe('IDEMPOTENCY_MISMATCH')
})

/** A client that sends its whole request before reading the answer, as browsers do with an upload. */
function sendAllThenRead(url: string, head: string, bodyBytes: number): Promise<string> {
  return new Promise((resolve) => {
    const u = new URL(url)
    const s = net.connect(Number(u.port), u.hostname)
    s.pause()
    let done = false
    const finish = (v: string) => {
      if (done) return
      done = true
      s.destroy()
      resolve(v)
    }
    s.on('error', (e: NodeJS.ErrnoException) => finish(`error ${e.code}`))
    s.write(head)
    let sent = 0
    const chunk = Buffer.alloc(65536, 0x20)
    const pump = () => {
      while (sent < bodyBytes) {
        const n = Math.min(chunk.length, bodyBytes - sent)
        sent += n
        if (!s.write(chunk.subarray(0, n))) return void s.once('drain', pump)
      }
      let got = ''
      s.on('data', (d) => {
        got += d.toString('latin1')
        if (got.includes('\r\n\r\n')) finish(got.split('\r\n')[0])
      })
      s.on('end', () => finish(`closed: ${got.slice(0, 40)}`))
      s.resume()
    }
    pump()
  })
}

test('an over-limit body reaches a client that sends everything first as a real 413, not a dropped connection', async () => {
  for (const mb of [5, 30]) {
    const size = mb * 1024 * 1024
    const head = `PUT /api/v1/drafts/${newDraftId()} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: ${auth.Authorization}\r\nContent-Length: ${size}\r\n\r\n`
    expect(await sendAllThenRead(r.url, head, size)).toBe('HTTP/1.1 413 Payload Too Large')
    const chunked = `PUT /api/v1/drafts/${newDraftId()} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: ${auth.Authorization}\r\nTransfer-Encoding: chunked\r\n\r\n`
    const body = Buffer.concat([Buffer.from(`${(size).toString(16)}\r\n`), Buffer.alloc(size, 0x20), Buffer.from('\r\n0\r\n\r\n')])
    expect(await new Promise<string>((resolve) => {
      const u = new URL(r.url)
      const s = net.connect(Number(u.port), u.hostname, () => s.end(Buffer.concat([Buffer.from(chunked), body])))
      s.pause()
      let got = ''
      s.on('error', (e: NodeJS.ErrnoException) => resolve(`error ${e.code}`))
      s.on('finish', () => {
        s.on('data', (d) => {
          got += d.toString('latin1')
          if (got.includes('\r\n')) resolve(got.split('\r\n')[0])
        })
        s.resume()
      })
    })).toBe('HTTP/1.1 413 Payload Too Large')
  }
  // the 413 through the app's own client: too large, not offline, not retried
  const c2 = r.client()
  c2.tokens.current = c.tokens.current
  const err = await c2.putDraft(newDraftId(), { bundleId: 'x', templateVersion: 1, region: '430000', applicantKind: 'person', answers: {}, values: { x: 'a'.repeat(1024 * 1024 + 1) }, materials: {} }, 0).catch((e) => e)
  expect(err).toMatchObject({ kind: 'bad-request', status: 413, code: 'TOO_LARGE' })
  expect(err.message).toMatch(/超过 1 MB 的上限/)
})

describe('slow clients', () => {
  let slow: Running
  beforeAll(async () => {
    slow = await start({ limits: { headersTimeoutMs: 400, bodyIdleMs: 300 } })
  })
  afterAll(() => slow.stop())

  function rawRequest(text: string, waitMs: number): Promise<{ reply: string; closed: boolean; ms: number }> {
    return new Promise((resolve) => {
      const u = new URL(slow.url)
      const t0 = Date.now()
      const s = net.connect(Number(u.port), u.hostname, () => s.write(text))
      let reply = ''
      s.on('data', (d) => (reply += d.toString('latin1')))
      const timer = setTimeout(() => {
        s.destroy()
        resolve({ reply, closed: false, ms: Date.now() - t0 })
      }, waitMs)
      s.on('close', () => {
        clearTimeout(timer)
        resolve({ reply, closed: true, ms: Date.now() - t0 })
      })
      s.on('error', () => undefined)
    })
  }

  test('a body that stops arriving is answered 408 and the connection closed', async () => {
    const res = await rawRequest('POST /api/v1/auth/wechat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"code":', 5000)
    expect(res.closed).toBe(true)
    expect(res.reply).toMatch(/^HTTP\/1\.1 408/)
    expect(res.reply).toContain('REQUEST_TIMEOUT')
    expect(res.ms).toBeLessThan(4000)
  })

  test('headers that never finish: the connection is closed', async () => {
    const res = await rawRequest('GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: ', 5000)
    expect(res.closed).toBe(true)
    expect(res.reply).toMatch(/^HTTP\/1\.1 408 Request Timeout/)
    expect(res.ms).toBeLessThan(4000)
    expect((await raw(slow.url, 'GET', '/health')).status).toBe(200)
  })
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
