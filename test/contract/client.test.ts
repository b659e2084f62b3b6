// The client's own rules, over a scripted transport: what is retried and how, refresh once, error mapping.
import type { TokenPair } from '@/services/contract'
import { TransportError, type Transport, type TransportRequest, type TransportResponse } from '@/services/http/transport'
import { createPlatformClient, newIdempotencyKey, PlatformError, type SessionStore } from '@/services/platform'
import { caseRecord } from '../support/cases'

type Step = TransportResponse | TransportError | ((req: TransportRequest) => TransportResponse)

function scripted(steps: Step[]) {
  const calls: TransportRequest[] = []
  const transport: Transport = async (req) => {
    calls.push(req)
    const step = steps.shift()
    if (!step) throw new Error(`unexpected request ${req.method} ${req.url}`)
    if (step instanceof TransportError) throw step
    return typeof step === 'function' ? step(req) : step
  }
  return { transport, calls }
}

const ok = (body: unknown, status = 200, headers: Record<string, string> = {}): TransportResponse => ({ status, headers, body: JSON.stringify(body) })
const err = (status: number, code: string, message = '错误', extra: object = {}): TransportResponse => ok({ error: { code, message, ...extra } }, status)

function session(initial: Partial<TokenPair> | null = { accessToken: 'a1', refreshToken: 'r1' }) {
  let tokens = initial
  const s: SessionStore & { cleared: number; current: () => typeof tokens } = {
    cleared: 0,
    current: () => tokens,
    getAccessToken: () => tokens?.accessToken,
    getRefreshToken: () => tokens?.refreshToken,
    setTokens: (t) => {
      tokens = t
    },
    clear: () => {
      tokens = null
      s.cleared++
    },
  }
  return s
}

function client(steps: Step[], sess = session(), random = () => 0.5) {
  const { transport, calls } = scripted(steps)
  const sleeps: number[] = []
  const c = createPlatformClient({
    baseUrl: 'https://platform.example/',
    transport,
    session: sess,
    retry: { attempts: 4, baseDelayMs: 100, maxDelayMs: 1000 },
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    random,
  })
  return { c, calls, sleeps, sess }
}

test('a GET is retried on 5xx, timeouts and lost connections, with exponential backoff and jitter', async () => {
  const { c, calls, sleeps } = client([err(503, 'UNAVAILABLE'), new TransportError('timeout'), new TransportError('offline'), ok({ ok: true, version: '1', time: 'x' })])
  expect((await c.health()).ok).toBe(true)
  expect(calls.map((x) => x.url)).toEqual(Array(4).fill('https://platform.example/api/v1/health'))
  // random() = 0.5 of min(1000, 100·2^n)
  expect(sleeps).toEqual([50, 100, 200])
})

test('after the last try the error is the last failure, mapped', async () => {
  const { c, calls } = client([new TransportError('offline'), new TransportError('offline'), new TransportError('offline'), new TransportError('timeout')])
  const e = await c.health().catch((x) => x)
  expect(e).toBeInstanceOf(PlatformError)
  expect(e).toMatchObject({ kind: 'timeout', message: '网络较慢，平台暂未响应，请稍后重试' })
  expect(calls.length).toBe(4)
})

test('a POST without an Idempotency-Key is never retried', async () => {
  const { c, calls } = client([err(503, 'UNAVAILABLE', '平台繁忙')])
  await expect(c.sendSmsCode('13807310001')).rejects.toMatchObject({ kind: 'server', status: 503, message: '平台繁忙' })
  expect(calls.length).toBe(1)
  const t = client([new TransportError('timeout')])
  await expect(t.c.admin.advanceClock({ hours: 1 })).rejects.toMatchObject({ kind: 'timeout' })
  expect(t.calls.length).toBe(1)
})

const CONTENT = { bundleId: 'b', templateVersion: 1, region: '430104', applicantKind: 'person' as const, answers: {}, values: {}, materials: {} }
const DRAFT_RECORD = { id: 'd-12345678', version: 2, content: CONTENT, createdAt: '2026-11-26T02:00:00Z', updatedAt: '2026-11-26T02:00:00Z', status: 'open' as const }
// a well-formed case (the shared fixture) with this file's content
const CASE_RECORD = caseRecord({ id: 'HN2026112600001', bundleId: 'b', bundleName: '开办测试小店', draftId: 'd-12345678', content: CONTENT })

test('replies are parsed at the boundary: one that breaks the contract is one clear error, never a cast', async () => {
  const broken = client([ok({ ...CASE_RECORD, matters: 'none' })])
  const e = (await broken.c.getCase('HN2026112600001').catch((x) => x)) as PlatformError
  expect(e).toBeInstanceOf(PlatformError)
  expect(e).toMatchObject({ kind: 'bad-reply', message: '平台返回的内容无法识别，请稍后重试（/cases/HN2026112600001：matters）' })
  // a draft list with one damaged record keeps the others
  const list = client([ok({ drafts: [DRAFT_RECORD, { ...DRAFT_RECORD, id: 'd-2', content: { ...CONTENT, values: { x: 42 } } }] })])
  expect(await list.c.listDrafts()).toEqual([DRAFT_RECORD])
  // unknown keys are dropped, never passed on
  const extra = client([ok({ ...DRAFT_RECORD, content: { ...CONTENT, injected: '<script>' } })])
  expect(await extra.c.getDraft('d-12345678')).toEqual(DRAFT_RECORD)
})

test('a POST with an Idempotency-Key is retried with the same key, including after 409 IN_FLIGHT', async () => {
  const key = newIdempotencyKey()
  const { c, calls } = client([new TransportError('timeout'), err(409, 'IN_FLIGHT'), ok(CASE_RECORD, 201)])
  const content = CONTENT
  expect(await c.submitCase({ draftId: 'd-12345678', content }, key)).toEqual(CASE_RECORD)
  expect(calls.map((x) => x.headers['Idempotency-Key'])).toEqual([key, key, key])
  expect(new Set(calls.map((x) => x.body)).size).toBe(1)
  expect(calls[0].headers.Authorization).toBe('Bearer a1')
  expect(calls[0].headers['Content-Type']).toMatch(/application\/json/)
})

test('4xx answers other than IN_FLIGHT are not retried', async () => {
  const { c, calls } = client([err(422, 'VALIDATION', '提交的内容有 1 处需要修改', { fieldErrors: { mobile: '手机号码格式不正确' }, materialErrors: { m: 'x' }, answerErrors: { q: 'y' } })])
  const e = (await c.submitCase({ draftId: 'd-12345678', content: {} as never }, 'key-12345678').catch((x) => x)) as PlatformError
  expect(e).toMatchObject({ kind: 'validation', status: 422, code: 'VALIDATION', fieldErrors: { mobile: '手机号码格式不正确' }, materialErrors: { m: 'x' }, answerErrors: { q: 'y' } })
  expect(calls.length).toBe(1)
})

test.each([
  [400, 'BAD_REQUEST', 'bad-request'],
  [403, 'FORBIDDEN', 'forbidden'],
  [404, 'NOT_FOUND', 'not-found'],
  [409, 'CONFLICT', 'conflict'],
  [413, 'TOO_LARGE', 'bad-request'],
  [422, 'IDEMPOTENCY_MISMATCH', 'bad-request'],
])('status %i %s → kind %s', async (status, code, kind) => {
  const { c } = client([err(status, code, '中文说明')])
  await expect(c.getCase('HN2026112600001')).rejects.toMatchObject({ kind, status, code, message: '中文说明' })
})

test('a non-JSON error page (a proxy) is still a server error with a Chinese message, after the retries', async () => {
  const page = { status: 502, headers: {}, body: '<html>Bad Gateway</html>' }
  const { c, calls } = client([page, page, page, page])
  await expect(c.listCases()).rejects.toMatchObject({ kind: 'server', status: 502, message: '平台繁忙，请稍后重试' })
  expect(calls.length).toBe(4)
})

test("a gateway's own 413 page is shown as too large, never as offline, and not retried", async () => {
  const page = { status: 413, headers: {}, body: '<html><center><h1>413 Request Entity Too Large</h1></center></html>' }
  const { c, calls } = client([page])
  const e = await c.uploadFile({ bundleId: 'b', materialId: 'm', file: { name: 'a.pdf', data: new Uint8Array(4) } }).catch((x) => x)
  expect(e).toMatchObject({ kind: 'bad-request', status: 413, code: 'TOO_LARGE', message: '提交的内容太大，超过了平台允许的上限，请压缩或减少后再试' })
  expect(calls.length).toBe(1)
})

test('408 (the body stopped arriving) is a time-out, retried like one', async () => {
  const slow = err(408, 'REQUEST_TIMEOUT', '请求内容在 15 秒内没有继续传来，请检查网络后重试')
  const { c, calls } = client([slow, ok(CASE_RECORD, 201)])
  expect((await c.submitCase({ draftId: 'd-12345678', content: CONTENT }, 'key-12345678')).id).toBe(CASE_RECORD.id)
  expect(calls.length).toBe(2)
  const again = client([slow, slow, slow, slow])
  await expect(again.c.getCase('HN2026112600001')).rejects.toMatchObject({ kind: 'timeout', status: 408 })
})

test('H5: a call gives the main thread back before its request leaves and before its checked reply is handed over', async () => {
  const { transport, calls } = scripted([ok(CASE_RECORD)])
  const turns: (() => void)[] = []
  const c = createPlatformClient({ baseUrl: 'https://platform.example', transport, session: session(), yieldToMain: () => new Promise<void>((resolve) => turns.push(resolve)) })
  let got: unknown
  void c.getCase('HN2026112600001').then((x) => (got = x))
  const settle = () => new Promise((r) => setTimeout(r, 0))
  await settle()
  // asked from a render or an effect: nothing is sent in that task
  expect(calls.length).toBe(0)
  turns.shift()?.()
  await settle()
  expect(calls.length).toBe(1)
  // the reply is checked and handed over in tasks of their own
  for (let step = 0; step < 2; step++) {
    expect(got).toBeUndefined()
    turns.shift()?.()
    await settle()
  }
  expect(got).toEqual(CASE_RECORD)
  expect(turns.length).toBe(0)
})

test('H5: a draft pushed as the page is closed (keepalive) leaves at once, without waiting for a later task', async () => {
  const { transport, calls } = scripted([ok(DRAFT_RECORD)])
  // a page being closed runs no later task: a yield would never end
  const c = createPlatformClient({ baseUrl: 'https://platform.example', transport, session: session(), yieldToMain: () => new Promise<void>(() => undefined) })
  void c.putDraft('d-12345678', CONTENT, 1)
  await new Promise((r) => setTimeout(r, 0))
  expect(calls.map((x) => [x.method, x.url, x.keepalive])).toEqual([['PUT', 'https://platform.example/api/v1/drafts/d-12345678', true]])
})

test('lists are read page by page to the end', async () => {
  const caseNo = (id: string) => ({ ...CASE_RECORD, id })
  const { c, calls } = client([ok({ cases: [caseNo('HN3'), caseNo('HN2')], nextCursor: 'SE4y' }), ok({ cases: [caseNo('HN1')] })])
  expect((await c.listCases()).map((x) => x.id)).toEqual(['HN3', 'HN2', 'HN1'])
  expect(calls.map((x) => x.url)).toEqual(['https://platform.example/api/v1/cases?limit=100', 'https://platform.example/api/v1/cases?limit=100&cursor=SE4y'])
})

test('TOKEN_EXPIRED: refresh once, store the new pair, repeat the call with the new token', async () => {
  const sess = session()
  const { c, calls } = client([err(401, 'TOKEN_EXPIRED'), ok({ accessToken: 'a2', refreshToken: 'r2', expiresIn: 7200, refreshExpiresIn: 1 }), ok({ name: '刘洋' })], sess)
  expect(await c.me()).toEqual({ name: '刘洋' })
  expect(calls.map((x) => `${x.method} ${x.url.replace('https://platform.example/api/v1', '')}`)).toEqual(['GET /me', 'POST /auth/refresh', 'GET /me'])
  expect(JSON.parse(calls[1].body as string)).toEqual({ refreshToken: 'r1' })
  expect(calls[1].headers.Authorization).toBeUndefined()
  expect(calls[2].headers.Authorization).toBe('Bearer a2')
  expect(sess.current()).toMatchObject({ accessToken: 'a2', refreshToken: 'r2' })
})

test('parallel 401s share one refresh', async () => {
  const sess = session()
  let refreshes = 0
  const transport: Transport = async (req) => {
    if (req.url.endsWith('/auth/refresh')) {
      refreshes++
      await new Promise((r) => setTimeout(r, 10))
      return ok({ accessToken: 'a2', refreshToken: 'r2', expiresIn: 1, refreshExpiresIn: 1 })
    }
    return req.headers.Authorization === 'Bearer a2' ? ok({ cases: [] }) : err(401, 'TOKEN_EXPIRED')
  }
  const c = createPlatformClient({ baseUrl: 'https://p', transport, session: sess, sleep: async () => undefined })
  await Promise.all([c.listCases(), c.listCases(), c.listDrafts().catch(() => undefined), c.listCases()])
  expect(refreshes).toBe(1)
})

test('a 401 that comes back after the refresh has finished repeats with the new token, without a second refresh', async () => {
  // A second refresh here would rotate the pair again; a reload before its answer is stored leaves the app with a
  // retired token, which the platform (after its short grace) treats as a stolen copy and signs the citizen out.
  const sess = session()
  let refreshes = 0
  let lateAnswer!: () => void
  const late = new Promise<void>((r) => (lateAnswer = r))
  const seen: string[] = []
  const transport: Transport = async (req) => {
    if (req.url.endsWith('/auth/refresh')) {
      refreshes++
      return ok({ accessToken: `a${refreshes + 1}`, refreshToken: `r${refreshes + 1}`, expiresIn: 1, refreshExpiresIn: 1 })
    }
    seen.push(`${req.url.replace('https://p/api/v1', '')} ${req.headers.Authorization}`)
    if (req.headers.Authorization === 'Bearer a2') return ok({ cases: [] })
    // the drafts list was sent with the old token and answers only after the refresh is done
    if (req.url.includes('/drafts')) await late
    return err(401, 'TOKEN_EXPIRED')
  }
  const c = createPlatformClient({ baseUrl: 'https://p', transport, session: sess, sleep: async () => undefined })
  const drafts = c.listDrafts().catch((e: unknown) => e)
  await c.listCases()
  expect(sess.current()).toMatchObject({ accessToken: 'a2', refreshToken: 'r2' })
  lateAnswer()
  await drafts
  expect(refreshes).toBe(1)
  expect(seen.filter((x) => x.startsWith('/drafts'))).toEqual(['/drafts?limit=100 Bearer a1', '/drafts?limit=100 Bearer a2'])
  expect(sess.current()).toMatchObject({ accessToken: 'a2', refreshToken: 'r2' })
})

test('when the refresh fails the session is cleared and the call fails as unauthorized, once', async () => {
  const sess = session()
  const { c, calls } = client([err(401, 'TOKEN_EXPIRED'), err(401, 'UNAUTHORIZED', '刷新凭证无效，请重新登录')], sess)
  await expect(c.me()).rejects.toMatchObject({ kind: 'unauthorized' })
  expect(calls.length).toBe(2)
  expect(sess.cleared).toBe(1)
  expect(sess.current()).toBeNull()
})

test('a 401 after a successful refresh is final (no refresh loop)', async () => {
  const sess = session()
  const { c, calls } = client([err(401, 'TOKEN_EXPIRED'), ok({ accessToken: 'a2', refreshToken: 'r2', expiresIn: 1, refreshExpiresIn: 1 }), err(401, 'UNAUTHORIZED')], sess)
  await expect(c.me()).rejects.toMatchObject({ kind: 'unauthorized' })
  expect(calls.length).toBe(3)
  expect(sess.current()).toBeNull()
})

test('without a refresh token a 401 is unauthorized straight away', async () => {
  const sess = session(null)
  const { c, calls } = client([err(401, 'UNAUTHORIZED', '请先登录')], sess)
  await expect(c.listCases()).rejects.toMatchObject({ kind: 'unauthorized', message: '请先登录' })
  expect(calls.length).toBe(1)
})

test('login stores the tokens; logout clears them even offline', async () => {
  const sess = session(null)
  const { c } = client([ok({ accessToken: 'a9', refreshToken: 'r9', expiresIn: 1, refreshExpiresIn: 1, profile: { name: '王德明' } }), new TransportError('offline')], sess)
  await c.loginWechat('dev-elder')
  expect(sess.current()).toMatchObject({ accessToken: 'a9' })
  await c.logout()
  expect(sess.current()).toBeNull()
})

test('ETag: the cached body is returned on 304', async () => {
  const template = { id: 'x', version: 2 }
  const { c, calls } = client([ok(template, 200, { etag: '"x-v2-abc"' }), { status: 304, headers: {}, body: '' }])
  expect(await c.getBundle('x')).toEqual(template)
  expect(await c.getBundle('x')).toEqual(template)
  expect(calls[1].headers['If-None-Match']).toBe('"x-v2-abc"')
})

test('path parts and queries are encoded', async () => {
  const { c, calls } = client([ok({ bundles: [] }), ok(DRAFT_RECORD)])
  await c.listBundles({ q: '开 餐饮&店', applicantKind: 'firm', region: undefined })
  await c.getDraft('a/b?c')
  expect(calls[0].url).toBe('https://platform.example/api/v1/bundles?q=%E5%BC%80%20%E9%A4%90%E9%A5%AE%26%E5%BA%97&applicantKind=firm')
  expect(calls[1].url).toBe('https://platform.example/api/v1/drafts/a%2Fb%3Fc')
})

test('uploads go as an upload body with the fields and a generated Idempotency-Key', async () => {
  const { c, calls } = client([ok({ fileId: 'f-1' }, 201)])
  await c.uploadFile({ bundleId: 'b', materialId: 'm', file: { name: 'a.pdf', data: new Uint8Array([37, 80, 68, 70]) } })
  const body = calls[0].body as { kind: string; fields: Record<string, string> }
  expect(body).toMatchObject({ kind: 'upload', fields: { bundleId: 'b', materialId: 'm' } })
  expect(calls[0].headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/)
})

describe('newIdempotencyKey', () => {
  const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
  test('UUID v4 from crypto.randomUUID', () => {
    expect(newIdempotencyKey()).toMatch(v4)
  })
  test('falls back to a random v4 where there is no crypto (WeChat), still unique', () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'crypto')
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true })
    try {
      const keys = Array.from({ length: 2000 }, () => newIdempotencyKey())
      for (const k of keys) expect(k).toMatch(v4)
      expect(new Set(keys).size).toBe(keys.length)
    } finally {
      if (saved) Object.defineProperty(globalThis, 'crypto', saved)
    }
  })
})
