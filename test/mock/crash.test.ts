// The platform killed at EVERY write point of a submission, a 补正, a draft update, a withdrawal, a payment's
// completion, a rating and a department's decision, then started again on the same data folder: what was
// committed is there whole (case, draft status, messages, outbox, issued licence and idempotency answer
// together), what was not is not there at all; the retry gets the answer of the first try, never a second
// action. In-process (a crash plan stops the platform at write point k, store.ts) for every k, and with a real
// `kill -9` of the CLI at the commit point and just before it.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { bookedOnlineRefusal } from '@/domain/assist/booking'
import type { DraftContent } from '@/domain/draft'
import type { CaseRecord, Evaluation, PaymentOrder } from '@/services/contract'
import { newDraftId, newIdempotencyKey } from '@/services/platform'
import { createPlatform, type Platform } from '../../mock/server'
import type { CrashPlan } from '../../mock/server/store'
import { ADMIN_TOKEN, CATALOGUE, fillDraft, makeClient, raw, REPO, signIn, START, submitConfirmed, tmpDir, uploader, type TestClient } from '../contract/support/harness'

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }

interface Row {
  route: string
  point: string
  outcome: string
}
const table: Row[] = []

afterAll(() => {
  // the table for the notes (test-results/ is git-ignored)
  fs.mkdirSync(path.join(REPO, 'test-results'), { recursive: true })
  const tidy = (point: string) => point.replace(/\.\d+\.tmp/g, '.tmp').replace(/h-[0-9a-f]{64}|[0-9a-f]{64}/g, '<id>')
  const lines = ['| route | killed just before | after restart and retry |', '|---|---|---|', ...table.map((r) => `| ${r.route} | ${tidy(r.point)} | ${r.outcome} |`)]
  fs.writeFileSync(path.join(REPO, 'test-results', 'crash-table.md'), lines.join('\n') + '\n')
})

/** Platforms a test started; a failed assertion skips its own close, so afterEach closes the rest (else jest hangs). */
const running = new Set<Platform>()
afterEach(async () => {
  await Promise.allSettled([...running].map((p) => p.close()))
})

/** A platform on `dataDir` (port 0 or the one given); `crash` stops it at a write point. */
async function boot(dataDir: string, crash?: CrashPlan, port = 0): Promise<{ p: Platform; url: string }> {
  const p = createPlatform({ dataDir, catalogueDir: CATALOGUE, clock: () => START, logger: quiet, adminToken: ADMIN_TOKEN, crash })
  running.add(p)
  const close = p.close.bind(p)
  p.close = () => {
    running.delete(p)
    return close()
  }
  const { url } = await p.listen(port, '127.0.0.1')
  return { p, url }
}

function leftovers(dataDir: string): string[] {
  const all = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(path.join(dir, e.name)) : [path.join(dir, e.name)]))
  return all(dataDir)
    .map((f) => path.relative(dataDir, f))
    .filter((f) => f.endsWith('.tmp') || f.startsWith('journal'))
}

const post = (url: string, p: string, token: string, key: string | undefined, body: unknown, method = 'POST') =>
  raw(url, method, p, { headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) }, body: JSON.stringify(body) }).catch((e: Error) => ({ status: 0, json: undefined, headers: new Headers(), text: String((e as Error & { cause?: Error }).cause?.message ?? e.message) }))

/** A data folder with a signed-in citizen and a filled draft, copied for each kill point. */
async function prepare(): Promise<{ dir: string; token: string; content: DraftContent; client: TestClient; url: string; p: Platform; who: Awaited<ReturnType<typeof signIn>> }> {
  const dir = tmpDir('yjs-crash-base-')
  const { p, url } = await boot(dir)
  const client = makeClient(url)
  const who = await signIn(client, 'dev-citizen-1')
  const t = await client.getBundle('bianlidian')
  const content = await fillDraft(t, who)
  return { dir, token: client.tokens.current!.accessToken, content, client, url, p, who }
}

function copyOf(dir: string): string {
  const to = tmpDir('yjs-crash-')
  fs.cpSync(dir, to, { recursive: true })
  return to
}

/** A copy of the base folder after `setup` ran against it (as the base's citizen, and a window clerk). */
async function baseWith<T>(setup: (c: TestClient, staff: TestClient, url: string) => Promise<T>): Promise<{ dir: string; value: T; staffToken: string }> {
  const dir = copyOf(base.dir)
  const { p, url } = await boot(dir)
  const c = makeClient(url)
  c.tokens.current = base.client.tokens.current
  const staff = makeClient(url)
  await staff.loginStaff('staff03', 'Window@2026')
  const value = await setup(c, staff, url)
  await p.close()
  return { dir, value, staffToken: staff.tokens.current!.accessToken }
}

/** The answer the request gets when nothing goes wrong (the clock is pinned: the same on every copy). */
async function answerOf(dir: string, act: (url: string) => Promise<{ status: number; json: unknown }>): Promise<{ status: number; json: unknown }> {
  const { p, url } = await boot(copyOf(dir))
  const res = await act(url)
  await p.close()
  expect(res.status).toBeGreaterThanOrEqual(200)
  expect(res.status).toBeLessThan(300)
  return { status: res.status, json: res.json }
}

const messagesOf = (p: Platform, caseId: string, kind: string) => p.core.state.messages.values().filter((m) => m.caseId === caseId && m.kind === kind)
/** Kept idempotency answers for exactly this path (a department's 补正 and the citizen's share an ending). */
const keptFor = (p: Platform, route: string) => p.core.state.idempotency.values().filter((x) => x.path === `/api/v1${route}`)

/**
 * Runs `act` against a copy of `base` whose platform dies at write point k of `route`, for k = 1, 2, …
 * until `act` goes through without a crash; after each crash, `check` runs against a restarted platform.
 */
async function everyKillPoint(route: string, base: string, act: (url: string) => Promise<{ status: number }>, check: (url: string, p: Platform, point: string, dataDir: string) => Promise<string>, label = route): Promise<number> {
  for (let k = 1; k < 200; k++) {
    const dataDir = copyOf(base)
    const { p, url } = await boot(dataDir, { route, at: k })
    const first = await act(url)
    const point = p.crashed
    await p.close()
    if (!point) {
      // past the last write point: the request went through
      expect(first.status).toBeGreaterThanOrEqual(200)
      expect(first.status).toBeLessThan(300)
      const again = await boot(dataDir)
      table.push({ route: label, point: '(none: answered)', outcome: await check(again.url, again.p, 'answered', dataDir) })
      await again.p.close()
      return k - 1
    }
    // the process died: the client got no answer
    expect(first.status).toBe(0)
    const again = await boot(dataDir)
    expect(leftovers(dataDir)).toEqual([])
    table.push({ route: label, point: point.replace(/^\d+: /, `${k}. `), outcome: await check(again.url, again.p, point, dataDir) })
    await again.p.close()
  }
  throw new Error('more than 200 write points?')
}

/** The versions of draft `id` kept as bases, as the records on disk name them; each is listed on the draft too. */
function keptVersions(p: Platform, id: string): number[] {
  const d = p.core.state.drafts.values().find((x) => x.id === id)!
  const onDisk = p.core.state.draftVersions
    .entries()
    .map(([k]) => k)
    .filter((k) => k.includes(`:${id}@`))
    .map((k) => Number(k.slice(k.lastIndexOf('@') + 1)))
    .sort((a, b) => a - b)
  expect(d.kept ?? []).toEqual(onDisk)
  return onDisk
}

let base: Awaited<ReturnType<typeof prepare>>
beforeAll(async () => {
  base = await prepare()
  await base.p.close()
}, 30_000)

test('POST /cases: killed at every write point, then one retry with the same key: one case, the one answered', async () => {
  const draftId = newDraftId()
  const key = newIdempotencyKey()
  const body = { draftId, content: base.content }
  const points = await everyKillPoint(
    'POST /cases',
    base.dir,
    (url) => post(url, '/cases', base.token, key, body),
    async (url, p) => {
      const mine = () => p.core.state.cases.values().filter((c) => c.draftId === draftId)
      const committed = mine()
      const draft = p.core.state.drafts.values().find((d) => d.id === draftId)
      // all or nothing: a case, its draft marked submitted with it, and the idempotency answer
      expect(committed.length).toBeLessThanOrEqual(1)
      if (committed.length) expect(draft).toMatchObject({ status: 'submitted', caseId: committed[0].id })
      else expect(draft).toBeUndefined()
      // (the citizen's e-licence consents made at sign-in hold keyed answers of their own)
      expect(p.core.state.idempotency.values().filter((x) => x.path.endsWith('/cases')).length).toBe(committed.length)
      const retry = await post(url, '/cases', base.token, key, body)
      expect(retry.status).toBe(201)
      const cs = retry.json as CaseRecord
      if (committed.length) {
        expect(cs.id).toBe(committed[0].id)
        expect(retry.headers.get('idempotent-replayed')).toBe('true')
      }
      expect(mine().map((c) => c.id)).toEqual([cs.id])
      // and again: still that case
      expect(((await post(url, '/cases', base.token, key, body)).json as CaseRecord).id).toBe(cs.id)
      // a new key for the same draft cannot make a second case either
      expect((await post(url, '/cases', base.token, newIdempotencyKey(), body)).json.error).toMatchObject({ code: 'CONFLICT', caseId: cs.id })
      return committed.length ? `committed: retry replays ${cs.id}` : `nothing committed: retry creates ${cs.id}`
    },
  )
  // the journal file (write, fsync, rename, folder fsync), 4 records (write, rename), the answer
  expect(points).toBe(13)
}, 120_000)

test('the checkpoint after a submission (record files synced, journal removed): killed at every step, the case stays whole', async () => {
  const draftId = newDraftId()
  const key = newIdempotencyKey()
  const body = { draftId, content: base.content }
  let points = 0
  for (let k = 1; ; k++) {
    const dataDir = copyOf(base.dir)
    const { p, url } = await boot(dataDir, { route: 'checkpoint', at: k })
    const first = await post(url, '/cases', base.token, key, body)
    expect(first.status).toBe(201)
    const crashed = await p.core.state.store.checkpoint().then(
      () => false,
      () => true,
    )
    const point = p.crashed
    await p.close()
    const again = await boot(dataDir)
    expect(leftovers(dataDir)).toEqual([])
    const cases = again.p.core.state.cases.values().filter((c) => c.draftId === draftId)
    expect(cases.map((c) => c.id)).toEqual([(first.json as CaseRecord).id])
    expect(again.p.core.state.drafts.values().find((d) => d.id === draftId)).toMatchObject({ status: 'submitted', caseId: cases[0].id })
    const retry = await post(again.url, '/cases', base.token, key, body)
    expect(retry.headers.get('idempotent-replayed')).toBe('true')
    expect((retry.json as CaseRecord).id).toBe(cases[0].id)
    await again.p.close()
    if (!crashed) break
    expect(point).toBeDefined()
    points++
    table.push({ route: 'checkpoint after POST /cases', point: point!.replace(/^\d+: /, `${k}. `), outcome: `committed: retry replays ${cases[0].id}` })
  }
  // record files and their folders synced, the journal file removed, the journal folder synced
  expect(points).toBeGreaterThanOrEqual(8)
}, 120_000)

test('POST /cases/:id/supplement: killed at every write point, the 补正 is applied once', async () => {
  // a case with a 补正 pending
  const {
    dir,
    value: { cs, field, sentBack },
  } = await baseWith(async (c, staff) => {
    const submitted = await c.submitCase({ draftId: newDraftId(), content: base.content }, newIdempotencyKey())
    const t = await c.getBundle('bianlidian')
    const asked = t.fields.find((f) => !f.prefill && submitted.content.values[f.id] !== undefined && ['text', 'textarea', 'address'].includes(f.type))!
    // a department's 补正 (a staff power since #11 and #12)
    const waiting = await staff.dept.requestSupplement(submitted.id, { message: '请补充', fields: [asked.id] })
    return { cs: submitted, field: asked, sentBack: waiting.matters.filter((m) => m.status === 'supplement').map((m) => m.matterId) }
  })
  expect(sentBack.length).toBeGreaterThan(0)
  const key = newIdempotencyKey()
  const body = { values: { [field.id]: '补正后的内容' }, materials: {} }
  const act = (u: string) => post(u, `/cases/${cs.id}/supplement`, base.token, key, body)
  const original = await answerOf(dir, act)
  await everyKillPoint('POST /cases/:id/supplement', dir, act, async (u, again) => {
    const before = again.core.state.cases.get(cs.id)!
    const applied = !!before.supplement?.resolvedAt
    // all or nothing: the case resolved with the new value and the answer kept, or neither
    expect(before.content.values[field.id]).toBe(applied ? '补正后的内容' : cs.content.values[field.id])
    expect(keptFor(again, `/cases/${cs.id}/supplement`)).toHaveLength(applied ? 1 : 0)
    const retry = await act(u)
    expect(retry.status).toBe(200)
    expect(retry.headers.get('idempotent-replayed')).toBe(applied ? 'true' : null)
    expect(retry.json).toEqual(original.json)
    const after = again.core.state.cases.get(cs.id)!
    expect(after.supplement?.resolvedAt).toBeTruthy()
    // applied once: one "申请人已补正" entry per matter sent back, none elsewhere
    for (const m of after.matters) expect(m.timeline.filter((e) => e.note.startsWith('申请人已补正')).length).toBe(sentBack.includes(m.matterId) ? 1 : 0)
    expect(after.supplementHistory).toHaveLength(1)
    return applied ? 'committed: retry replays the resolved case' : 'nothing committed: retry applies the 补正 once'
  })
}, 120_000)

test('POST /cases/:id/withdraw: killed at every write point, the case is withdrawn once, with one message', async () => {
  const {
    dir,
    value: { cs },
  } = await baseWith(async (c) => ({ cs: await c.submitCase({ draftId: newDraftId(), content: base.content }, newIdempotencyKey()) }))
  const key = newIdempotencyKey()
  const act = (u: string) => post(u, `/cases/${cs.id}/withdraw`, base.token, key, {})
  const original = await answerOf(dir, act)
  expect(original.json).toMatchObject({ status: 'withdrawn' })
  await everyKillPoint('POST /cases/:id/withdraw', dir, act, async (u, again) => {
    const done = !!again.core.state.cases.get(cs.id)!.withdrawnAt
    // all or nothing: the case withdrawn, the citizen's message and the kept answer
    expect(messagesOf(again, cs.id, 'withdrawn')).toHaveLength(done ? 1 : 0)
    expect(keptFor(again, `/cases/${cs.id}/withdraw`)).toHaveLength(done ? 1 : 0)
    const retry = await act(u)
    expect(retry.status).toBe(200)
    expect(retry.headers.get('idempotent-replayed')).toBe(done ? 'true' : null)
    expect(retry.json).toEqual(original.json)
    const after = again.core.state.cases.get(cs.id)!
    expect(messagesOf(again, cs.id, 'withdrawn')).toHaveLength(1)
    for (const m of after.matters) expect(m.timeline.filter((e) => e.status === 'withdrawn')).toHaveLength(1)
    return done ? 'committed: retry replays the withdrawn case' : 'nothing committed: retry withdraws once'
  })
}, 120_000)

test('POST /bookings: killed at every write point, one booking, its grant and its standing key together; the key is found again after the restart', async () => {
  const key = newIdempotencyKey()
  const citizenId = base.who.profile.userId
  const bundleId = base.content.bundleId
  // Thursday 26 November 14:00 Beijing, at the 天心区 hall (the clock is pinned at 10:00 that day)
  const act = (u: string) => post(u, '/bookings', base.token, key, { hallId: 'hall-430103', start: '2026-11-26T06:00:00.000Z', content: base.content })
  // the number is random: the answers are compared without it
  const unnumbered = (json: unknown) => {
    const { id: _id, qrText: _qr, ...rest } = json as { id: string; qrText: string }
    return rest
  }
  const original = await answerOf(base.dir, act)
  await everyKillPoint('POST /bookings', base.dir, act, async (u, again) => {
    const held = again.core.state.heldBookings(citizenId, bundleId)
    const done = held.length === 1
    // all or nothing: the booking, its grant, the kept answer, and the key that finds it without a scan
    expect(again.core.state.bookings.values()).toHaveLength(done ? 1 : 0)
    expect(again.core.state.grants.values().filter((g) => g.bookingId)).toHaveLength(done ? 1 : 0)
    expect(keptFor(again, '/bookings')).toHaveLength(done ? 1 : 0)
    const retry = await act(u)
    expect(retry.status).toBe(201)
    expect(unnumbered(retry.json)).toEqual(unnumbered(original.json))
    const number = (retry.json as { id: string }).id
    if (done) expect(number).toBe(held[0].id)
    expect(again.core.state.heldBookings(citizenId, bundleId).map((b) => b.id)).toEqual([number])
    // the online submission of the booked bundle is refused by the key's booking
    const online = await post(u, '/cases', base.token, newIdempotencyKey(), { draftId: newDraftId(), content: base.content })
    expect(online.status).toBe(409)
    expect((online.json as { error: { message: string } }).error.message).toBe(bookedOnlineRefusal(number))
    return done ? 'committed: retry replays the booking' : 'nothing committed: retry books once'
  })
}, 120_000)

test('POST /payments/:orderId/complete: killed at every write point, paid once, one receipt, the clock resumes once', async () => {
  const {
    dir,
    value: { cs, order, token },
  } = await baseWith(async (c, staff, url) => {
    // 二手房: 转移登记 charges 80 元 once accepted; the buyer confirms in their own account first
    const t = await c.getBundle('ershoufang')
    const content = await fillDraft(t, { ...base.who, upload: uploader(c, 'ershoufang') })
    const buyer = async () => {
      const b = makeClient(url)
      await signIn(b, 'dev-elder')
      return b
    }
    const submitted = await submitConfirmed(c, t, content, buyer)
    const fee = submitted.matters.find((m) => m.matterId === 'transfer')!
    await staff.dept.accept(submitted.id, { matterId: fee.matterId })
    const o = await c.createPayment(submitted.id, { matterId: fee.matterId, channel: 'h5' })
    return { cs: submitted, order: o, token: c.tokens.current!.accessToken }
  })
  expect(order).toMatchObject({ status: 'open', amountYuan: 80 })
  // the payment platform's notification: no sign-in, no key; idempotent by the order's state
  const act = (u: string) => raw(u, 'POST', `/payments/${order.orderId}/complete`).catch(() => ({ status: 0, json: undefined, headers: new Headers(), text: '' }))
  const original = await answerOf(dir, act)
  expect(original.json).toMatchObject({ status: 'paid' })
  await everyKillPoint('POST /payments/:orderId/complete', dir, act, async (u, again) => {
    const paid = again.core.state.payments.get(order.orderId)!.status === 'paid'
    const fee = () => again.core.state.cases.get(cs.id)!.matters.find((m) => m.matterId === order.matterId)!
    // all or nothing: the order paid, the matter's fee paid with its receipt and its pause ended
    expect(fee().fee).toMatchObject({ status: paid ? 'paid' : 'due' })
    expect(!!fee().fee!.receipt).toBe(paid)
    expect(fee().pauses.filter((x) => x.reason === '缴费' && !x.to)).toHaveLength(paid ? 0 : 1)
    const retry = await act(u)
    expect(retry.status).toBe(200)
    expect(retry.json).toEqual(original.json)
    // the citizen's view: paid once, with the one receipt
    const seen = (await post(u, `/cases/${cs.id}`, token, undefined, undefined, 'GET')).json as CaseRecord
    const m = seen.matters.find((x) => x.matterId === order.matterId)!
    expect(m.fee).toMatchObject({ status: 'paid', paidAt: (original.json as PaymentOrder).paidAt, receipt: { amountYuan: 80 } })
    expect(m.timeline.filter((e) => e.note.startsWith('已缴费'))).toHaveLength(1)
    expect(again.core.state.payments.values().filter((o) => o.caseId === cs.id)).toHaveLength(1)
    return paid ? 'committed: retry answers the paid order' : 'nothing committed: retry pays once'
  })
}, 120_000)

test('POST /cases/:id/evaluation: killed at every write point, one rating with its follow-up', async () => {
  const {
    dir,
    value: { cs, token },
  } = await baseWith(async (c, staff) => {
    const submitted = await c.submitCase({ draftId: newDraftId(), content: base.content }, newIdempotencyKey())
    // every matter walks its steps: 办结 for all
    await staff.admin.advanceClock({ workingDays: 30 })
    // weeks later the citizen's session has expired: they sign in again
    await signIn(c, 'dev-citizen-1')
    const done = await c.getCase(submitted.id)
    expect(done.matters.every((m) => m.status === 'concluded' || m.status === 'delivered')).toBe(true)
    return { cs: done, token: c.tokens.current!.accessToken }
  })
  const key = newIdempotencyKey()
  const body = { level: 2, indicators: ['efficiency'], comment: '等了很久' }
  const act = (u: string) => post(u, `/cases/${cs.id}/evaluation`, token, key, body)
  const original = await answerOf(dir, act)
  expect(original).toMatchObject({ status: 201, json: { level: 2, followUp: expect.any(Object) } })
  await everyKillPoint('POST /cases/:id/evaluation', dir, act, async (u, again) => {
    const stored = again.core.state.cases.get(cs.id)!
    const rated = !!stored.evaluation
    // all or nothing: the rating, its id for the departments, and the kept answer
    expect(!!stored.ratingId).toBe(rated)
    expect(keptFor(again, `/cases/${cs.id}/evaluation`)).toHaveLength(rated ? 1 : 0)
    const retry = await act(u)
    expect(retry.status).toBe(201)
    expect(retry.headers.get('idempotent-replayed')).toBe(rated ? 'true' : null)
    expect(retry.json).toEqual(original.json)
    expect(again.core.state.cases.get(cs.id)!.evaluation).toEqual(original.json as Evaluation)
    // a rating is final: another key is refused
    expect((await post(u, `/cases/${cs.id}/evaluation`, token, newIdempotencyKey(), { level: 5, indicators: [] })).status).toBe(409)
    return rated ? 'committed: retry replays the rating' : 'nothing committed: retry rates once'
  })
}, 120_000)

test('POST /dept/cases/:id/decide: killed at every write point, one decision, one licence, one message each', async () => {
  const {
    dir,
    value: { cs },
    staffToken,
  } = await baseWith(async (c, staff) => {
    const submitted = await c.submitCase({ draftId: newDraftId(), content: base.content }, newIdempotencyKey())
    await staff.dept.accept(submitted.id, { matterId: 'registration' })
    return { cs: submitted }
  })
  const owner = base.who.profile.userId
  expect(base.who.licences).not.toContain('businessLicence')
  const key = newIdempotencyKey()
  const act = (u: string) => post(u, `/dept/cases/${cs.id}/decide`, staffToken, key, { matterId: 'registration', outcome: 'approved' })
  const original = await answerOf(dir, act)
  const decided = (original.json as CaseRecord).matters.find((m) => m.matterId === 'registration')!
  expect(decided).toMatchObject({ status: 'concluded', result: { licence: { kind: 'businessLicence' } } })
  await everyKillPoint('POST /dept/cases/:id/decide', dir, act, async (u, again) => {
    const m = () => again.core.state.cases.get(cs.id)!.matters.find((x) => x.matterId === 'registration')!
    const licences = () => again.core.state.users.get(owner)!.licences.filter((l) => l.kind === 'businessLicence')
    const outbox = () => again.core.state.outbox.values().filter((o) => o.caseId === cs.id && ['concluded', 'pickup'].includes(o.kind))
    const done = m().status === 'concluded'
    // all or nothing: the decision, the e-licence in the citizen's licences, the messages, the outbox, the kept answer
    expect(licences()).toHaveLength(done ? 1 : 0)
    expect(messagesOf(again, cs.id, 'concluded')).toHaveLength(done ? 1 : 0)
    expect(outbox().length > 0).toBe(done)
    const sent = outbox().length
    expect(keptFor(again, `/dept/cases/${cs.id}/decide`)).toHaveLength(done ? 1 : 0)
    const retry = await act(u)
    expect(retry.status).toBe(200)
    expect(retry.headers.get('idempotent-replayed')).toBe(done ? 'true' : null)
    expect(retry.json).toEqual(original.json)
    expect(m().timeline.filter((e) => e.status === 'concluded')).toHaveLength(1)
    expect(licences()).toEqual([expect.objectContaining({ number: decided.result!.licence!.number })])
    expect(messagesOf(again, cs.id, 'concluded')).toHaveLength(1)
    if (done) expect(outbox()).toHaveLength(sent)
    // a second decision (another key) is refused: nothing doubled
    expect((await post(u, `/dept/cases/${cs.id}/decide`, staffToken, newIdempotencyKey(), { matterId: 'registration', outcome: 'approved' })).status).toBe(409)
    return done ? 'committed: retry replays the decided case' : 'nothing committed: retry decides once'
  })
}, 120_000)

test('PUT /drafts/:id: killed at every write point, the draft is the old version or the new one, and the retry lands it', async () => {
  const id = newDraftId()
  const { dir } = await baseWith((c) => c.putDraft(id, base.content, 0))
  const next = { ...base.content, answers: { ...base.content.answers, note: '改过的答案' } }
  await everyKillPoint(
    'PUT /drafts/:id',
    dir,
    (u) => post(u, `/drafts/${id}`, base.token, undefined, { content: next, baseVersion: 1 }, 'PUT'),
    async (u, again) => {
      const d = again.core.state.drafts.values().find((x) => x.id === id)!
      const landed = d.version === 2
      expect(d).toMatchObject(landed ? { version: 2, content: next } : { version: 1, content: base.content })
      // the version replaced is kept as a base exactly when the new one landed
      expect(keptVersions(again, id)).toEqual(landed ? [1] : [])
      // the app's retry (same baseVersion) ends with the new version either way: merged into itself, no v3
      const retry = await post(u, `/drafts/${id}`, base.token, undefined, { content: next, baseVersion: 1 }, 'PUT')
      expect(retry.status).toBe(200)
      expect(retry.json).toMatchObject({ version: 2, content: next })
      expect(keptVersions(again, id)).toEqual([1])
      return landed ? 'committed: the retry merges into it (200, still v2)' : 'nothing committed: v1 kept, retry writes v2'
    },
  )
}, 120_000)

test('PUT /drafts/:id merged with another device\'s write: killed at every write point, the draft and its kept bases are old or new together', async () => {
  // device A wrote v2 (the shop name); device B, still on v1, changes the note: the platform merges into v3
  const id = newDraftId()
  const fieldA = Object.keys(base.content.values)[0]
  const fromA = { ...base.content, values: { ...base.content.values, [fieldA]: '另一台设备改的' } }
  const fromB = { ...base.content, answers: { ...base.content.answers, note: '本机改的答案' } }
  const both = { ...fromA, answers: fromB.answers }
  const { dir } = await baseWith(async (c) => {
    await c.putDraft(id, base.content, 0)
    return c.putDraft(id, fromA, 1)
  })
  const points = await everyKillPoint(
    'PUT /drafts/:id',
    dir,
    (u) => post(u, `/drafts/${id}`, base.token, undefined, { content: fromB, baseVersion: 1 }, 'PUT'),
    async (u, again) => {
      const d = again.core.state.drafts.values().find((x) => x.id === id)!
      const landed = d.version === 3
      expect(d).toMatchObject(landed ? { version: 3, content: both, kept: [1, 2] } : { version: 2, content: fromA, kept: [1] })
      expect(keptVersions(again, id)).toEqual(landed ? [1, 2] : [1])
      if (landed) expect(again.core.state.draftVersions.entries().find(([k]) => k.endsWith(`:${id}@2`))?.[1].content).toEqual(fromA)
      // B's retry on v1 merges again (base v1 still kept): both changes, once
      const retry = await post(u, `/drafts/${id}`, base.token, undefined, { content: fromB, baseVersion: 1 }, 'PUT')
      expect(retry.status).toBe(200)
      expect(retry.json).toMatchObject({ version: 3, content: both })
      expect(keptVersions(again, id)).toEqual([1, 2])
      return landed ? 'committed: v3 holds both changes; the retry merges into it (200, still v3)' : 'nothing committed: v2 kept, retry merges into v3'
    },
    'PUT /drafts/:id (merged with v2)',
  )
  // the draft and the version it replaced: both records written in the one commit
  expect(points).toBeGreaterThanOrEqual(9)
}, 120_000)

describe('a real kill -9 of the CLI', () => {
  async function runChild(dataDir: string, crashAt: string): Promise<{ url: string; exited: Promise<NodeJS.Signals | number | null> }> {
    const child = spawn(process.execPath, [path.join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'mock/main.ts'], {
      cwd: REPO,
      env: { ...process.env, MOCK_PORT: '0', MOCK_HOST: '127.0.0.1', MOCK_DATA_DIR: dataDir, MOCK_ADMIN_TOKEN: ADMIN_TOKEN, MOCK_CRASH_AT: crashAt },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout!.on('data', (d) => (output += d))
    child.stderr!.on('data', (d) => (output += d))
    const exited = new Promise<NodeJS.Signals | number | null>((res) => child.once('exit', (code, signal) => res(signal ?? code)))
    const deadline = Date.now() + 30_000
    while (!/已启动：(http:\/\/[\d.:]+)\/api\/v1/.test(output)) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`mock did not start:\n${output}`)
      await new Promise((res) => setTimeout(res, 50))
    }
    return { url: /已启动：(http:\/\/[\d.:]+)\/api\/v1/.exec(output)![1], exited }
  }

  test.each([
    { when: 'before the commit point (journal file written, not yet renamed)', at: 2, survives: false },
    { when: 'right after the commit point (journal file renamed into place)', at: 4, survives: true },
  ])('killed $when: the case is there after a restart exactly when it was committed', async ({ at, survives }) => {
    // the crash counter only counts POST /cases; the CLI runs with the real clock, so the content is filled for now
    const dataDir = copyOf(base.dir)
    const child = await runChild(dataDir, `POST /cases#${at}`)
    const client = makeClient(child.url)
    const who = await signIn(client, 'dev-citizen-1')
    const content = await fillDraft(await client.getBundle('bianlidian'), { ...who, now: new Date().toISOString() })
    const draftId = newDraftId()
    const key = newIdempotencyKey()
    const first = await post(child.url, '/cases', client.tokens.current!.accessToken, key, { draftId, content })
    expect(first.status).toBe(0)
    // tsx relays its node's death by SIGKILL as exit code 137
    expect(['SIGKILL', 137]).toContain(await child.exited)
    const p = createPlatform({ dataDir, catalogueDir: CATALOGUE, logger: quiet, adminToken: ADMIN_TOKEN })
    const { url } = await p.listen(0, '127.0.0.1')
    const committed = p.core.state.cases.values().filter((c) => c.draftId === draftId)
    expect(committed.length).toBe(survives ? 1 : 0)
    const retry = await post(url, '/cases', client.tokens.current!.accessToken, key, { draftId, content })
    expect(retry.status).toBe(201)
    if (survives) expect((retry.json as CaseRecord).id).toBe(committed[0].id)
    expect(p.core.state.cases.values().filter((c) => c.draftId === draftId)).toHaveLength(1)
    await p.close()
  }, 60_000)
})
