// Submissions against the real mock: every published bundle, idempotency (IETF draft), and the server's own
// re-check of what was sent (it never trusts the client).
import type { DraftContent } from '@/domain/draft'
import type { BundleTemplate } from '@/domain/template/types'
import { validateDraft } from '@/domain/engine'
import { newDraftId, newIdempotencyKey, PlatformError } from '@/services/platform'
import { SELF } from '@/stores/draft'
import { guidanceContext } from '@/stores/journey'
import { prefillData } from '@/stores/session'
import { ADMIN_TOKEN, fillDraft, raw, signedIn, signIn, start, START, submitConfirmed, uploader, type Running, type TestClient } from './support/harness'

let r: Running
beforeAll(async () => {
  r = await start()
})
afterAll(() => r.stop())

const citizen = (code: string) => signedIn(r, code)

async function filled(c: TestClient, who: Awaited<ReturnType<typeof signIn>>, bundleId: string, extra: Partial<Parameters<typeof fillDraft>[1]> = {}) {
  const t = await c.getBundle(bundleId)
  return { t, content: await fillDraft(t, { ...who, upload: uploader(c, bundleId), ...extra }) }
}

test('every published bundle can be submitted by each fixture user of a fitting kind', async () => {
  const bundles = await r.client().listBundles()
  let submitted = 0
  for (const code of ['dev-citizen-2', 'dev-no-licence', 'dev-firm-1']) {
    const { c, profile, licences } = await citizen(code)
    for (const b of bundles.filter((x) => x.applicantKinds.includes(profile.kind))) {
      const { t, content } = await filled(c, { profile, licences }, b.id)
      // a co-applicant confirms in another account where the bundle asks for it (二手房's buyer)
      const cs = await submitConfirmed(c, t, content, async () => (await citizen(code === 'dev-elder' ? 'dev-citizen-1' : 'dev-elder')).c)
      expect(cs.bundleId).toBe(b.id)
      expect(cs.matters.length).toBeGreaterThan(0)
      submitted++
    }
  }
  expect(submitted).toBeGreaterThanOrEqual(bundles.length)
  // some 30 submissions: seconds on a machine busy with builds
}, 60_000)

test('a case: readable sequential number, due date in working days, one timeline per matter, burden', async () => {
  const { c, profile, licences } = await citizen('dev-firm-1')
  const { t, content } = await filled(c, { profile, licences }, 'kaiban-canyin')
  const draftId = newDraftId()
  await c.putDraft(draftId, content, 0)
  const a = await c.submitCase({ draftId, content }, newIdempotencyKey())
  expect(a.id).toMatch(/^HN20261126\d{5}$/)
  expect(a).toMatchObject({ bundleId: t.id, bundleName: t.name, templateVersion: t.version, status: 'submitted', deadline: 'on-time', submittedAt: '2026-11-26T02:00:00.000Z', draftId })
  expect(a.dueDate > '2026-11-26').toBe(true)
  for (const m of a.matters) {
    expect(m.timeline).toEqual([{ status: 'submitted', at: a.submittedAt, note: '申请已提交' }])
    expect(m.department).toBeTruthy()
  }
  expect(a.guidance.departments.length).toBeGreaterThan(0)
  expect(a.burden?.separate.fields).toBeGreaterThanOrEqual(a.burden!.bundle.fields)
  // values prefilled from the firm's 营业执照 are what the departments receive, whatever the client sent
  const uscc = t.fields.find((f) => f.prefill?.source === 'licence' && f.prefill.key === 'uscc')
  if (uscc && a.guidance.matterIds.some((id) => t.matters.find((m) => m.id === id)?.fields.includes(uscc.id))) expect(a.content.values[uscc.id]).toBe('91430100MA4L12345A')
  const b = await c.submitCase({ draftId: newDraftId(), content }, newIdempotencyKey())
  expect(Number(b.id.slice(-5))).toBe(Number(a.id.slice(-5)) + 1)
  // the draft is kept, marked submitted and linked
  expect(await c.getDraft(draftId)).toMatchObject({ status: 'submitted', caseId: a.id })
  expect((await c.listCases()).map((x) => x.id)).toEqual(expect.arrayContaining([a.id, b.id]))
  expect(await c.getCase(a.id)).toEqual(a)
})

describe('Idempotency-Key', () => {
  let c: TestClient
  let content: DraftContent
  beforeAll(async () => {
    const who = await citizen('dev-citizen-1')
    c = who.c
    content = (await filled(c, who, 'bianlidian')).content
  })
  const post = (key: string | undefined, body: unknown) =>
    raw(r.url, 'POST', '/cases', {
      headers: { Authorization: `Bearer ${c.tokens.current!.accessToken}`, 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
      body: JSON.stringify(body),
    })

  test('same key, same body: the stored answer again (same status and body), one case', async () => {
    const key = newIdempotencyKey()
    const body = { draftId: newDraftId(), content }
    const before = r.platform.core.state.cases.size
    const first = await post(key, body)
    const again = await post(key, JSON.parse(JSON.stringify(body)))
    expect(first.status).toBe(201)
    expect(again.status).toBe(201)
    expect(again.json).toEqual(first.json)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(r.platform.core.state.cases.size).toBe(before + 1)
  })

  test('the body is compared canonically: the same JSON with keys in another order is the same request', async () => {
    const key = newIdempotencyKey()
    const draftId = newDraftId()
    const first = await post(key, { draftId, content })
    const reordered = Object.fromEntries(Object.entries(content).reverse())
    const again = await post(key, { content: reordered, draftId })
    expect(again.status).toBe(201)
    expect(again.json.id).toBe(first.json.id)
  })

  test('same key, different body: 422 IDEMPOTENCY_MISMATCH', async () => {
    const key = newIdempotencyKey()
    await post(key, { draftId: newDraftId(), content })
    const other = await post(key, { draftId: newDraftId(), content })
    expect(other.status).toBe(422)
    expect(other.json.error.code).toBe('IDEMPOTENCY_MISMATCH')
  })

  test('a retry while the first is still being processed: 409 IN_FLIGHT, then the stored answer', async () => {
    // the first try waits 1.5 s once its key is taken: room for the retry on a busy machine
    r.platform.setFaults({ faults: [{ route: 'POST /cases', latencyMs: 1500 }] })
    try {
      const key = newIdempotencyKey()
      const body = { draftId: newDraftId(), content }
      const first = post(key, body)
      await new Promise((res) => setTimeout(res, 100))
      const during = await post(key, body)
      expect(during.status).toBe(409)
      expect(during.json.error.code).toBe('IN_FLIGHT')
      const done = await first
      expect(done.status).toBe(201)
      const after = await post(key, body)
      expect(after.json.id).toBe(done.json.id)
    } finally {
      r.platform.setFaults({ faults: [] })
    }
  })

  test('a missing or malformed key: 400', async () => {
    const none = await post(undefined, { draftId: newDraftId(), content })
    expect(none.status).toBe(400)
    expect(none.json.error.message).toMatch(/Idempotency-Key/)
    const short = await post('abc', { draftId: newDraftId(), content })
    expect(short.status).toBe(400)
  })

  test('keys belong to one user: the same key from another citizen is a separate request', async () => {
    const key = newIdempotencyKey()
    const mine = await post(key, { draftId: newDraftId(), content })
    const other = await citizen('dev-citizen-2')
    const theirContent = (await filled(other.c, other, 'bianlidian')).content
    const theirs = await other.c.submitCase({ draftId: newDraftId(), content: theirContent }, key)
    expect(theirs.id).not.toBe(mine.json.id)
  })

  test('an error answer is not stored: the same key may carry the corrected body', async () => {
    const key = newIdempotencyKey()
    const draftId = newDraftId()
    const bad = await post(key, { draftId, content: { ...content, values: {} } })
    expect(bad.status).toBe(422)
    const good = await post(key, { draftId, content })
    expect(good.status).toBe(201)
  })

  test('a second submission of an already submitted draft (new key) is refused with the case number', async () => {
    const draftId = newDraftId()
    const first = await c.submitCase({ draftId, content }, newIdempotencyKey())
    const err = (await c.submitCase({ draftId, content }, newIdempotencyKey()).catch((e) => e)) as PlatformError
    expect(err).toMatchObject({ kind: 'conflict', caseId: first.id })
    expect(err.message).toContain(first.id)
  })
})

describe('the server re-checks what was submitted', () => {
  let t: BundleTemplate

  test('field errors from the validators come back by field id (the first field is named)', async () => {
    const { c, profile, licences } = await citizen('dev-no-licence')
    const f = await filled(c, { profile, licences }, 'kaiban-canyin')
    t = f.t
    const mobileField = t.fields.find((x) => x.type === 'mobile' && !x.prefill && f.content.values[x.id] !== undefined)!
    const err = (await c.submitCase({ draftId: newDraftId(), content: { ...f.content, values: { ...f.content.values, [mobileField.id]: '1234' } } }, newIdempotencyKey()).catch((e) => e)) as PlatformError
    expect(err).toMatchObject({ kind: 'validation', status: 422 })
    expect(Object.keys(err.fieldErrors!)).toEqual([mobileField.id])
    expect(err.fieldErrors![mobileField.id]).toMatch(/手机号/)
  })

  test('a material claimed as an e-licence the citizen does not hold', async () => {
    const { c, profile, licences } = await citizen('dev-no-licence')
    const f = await filled(c, { profile, licences }, 'kaiban-canyin')
    const m = f.t.materials.find((x) => x.licence && f.content.materials[x.id])!
    const err = (await c.submitCase({ draftId: newDraftId(), content: { ...f.content, materials: { ...f.content.materials, [m.id]: { mode: 'licence' } } } }, newIdempotencyKey()).catch((e) => e)) as PlatformError
    expect(err.kind).toBe('validation')
    expect(err.materialErrors![m.id]).toMatch(/电子证照/)
  })

  test('a promise where none is allowed, and any promise from a citizen barred from 告知承诺', async () => {
    const { c, profile, licences } = await citizen('dev-barred')
    const f = await filled(c, { profile, licences }, 'kaiban-canyin', { prefer: ['in-bundle', 'licence', 'shared', 'upload', 'defer'] })
    const noPromise = f.t.materials.find((x) => !x.promise && f.content.materials[x.id])
    const promised = f.t.materials.find((x) => x.promise && f.content.materials[x.id])
    const materials = { ...f.content.materials }
    if (noPromise) materials[noPromise.id] = { mode: 'promise', agreedAt: '2026-11-26T02:00:00Z' }
    if (promised) materials[promised.id] = { mode: 'promise', agreedAt: '2026-11-26T02:00:00Z' }
    expect(noPromise ?? promised).toBeDefined()
    const err = (await c.submitCase({ draftId: newDraftId(), content: { ...f.content, materials } }, newIdempotencyKey()).catch((e) => e)) as PlatformError
    expect(err.kind).toBe('validation')
    if (noPromise) expect(err.materialErrors![noPromise.id]).toBeTruthy()
    if (promised) expect(err.materialErrors![promised.id]).toMatch(/告知承诺/)
  })

  test("a file id that is someone else's, or for another material", async () => {
    const owner = await citizen('dev-no-licence')
    const f = await filled(owner.c, owner, 'kaiban-canyin', { prefer: ['upload'] })
    const [mid, choice] = Object.entries(f.content.materials).find(([, m]) => m.mode === 'upload')!
    const fileId = (choice as { fileIds: string[] }).fileIds[0]
    const thief = await citizen('dev-citizen-1')
    const g = await filled(thief.c, thief, 'kaiban-canyin', { prefer: ['upload'] })
    const err = (await thief.c.submitCase({ draftId: newDraftId(), content: { ...g.content, materials: { ...g.content.materials, [mid]: { mode: 'upload', fileIds: [fileId] } } } }, newIdempotencyKey()).catch((e) => e)) as PlatformError
    expect(err.materialErrors![mid]).toMatch(/不存在或已失效/)
    // the owner's own file under another material
    const other = Object.entries(f.content.materials).find(([id, m]) => m.mode === 'upload' && id !== mid)
    if (other) {
      const wrong = (await owner.c.submitCase({ draftId: newDraftId(), content: { ...f.content, materials: { ...f.content.materials, [other[0]]: { mode: 'upload', fileIds: [fileId] } } } }, newIdempotencyKey()).catch((e) => e)) as PlatformError
      expect(wrong.materialErrors![other[0]]).toMatch(/不是为该材料上传的/)
    }
  })

  test('unanswered questions, a wrong applicant kind, an unknown template version, a region not offered', async () => {
    const { c, profile, licences } = await citizen('dev-citizen-1')
    const f = await filled(c, { profile, licences }, 'kaiban-canyin')
    const submit = (content: DraftContent) =>
      c.submitCase({ draftId: newDraftId(), content }, newIdempotencyKey()).then(
        () => {
          throw new Error('accepted')
        },
        (e: PlatformError) => e,
      )
    const first = f.t.questions[0].id
    const rest = { ...f.content.answers }
    delete rest[first]
    expect((await submit({ ...f.content, answers: rest })).answerErrors).toHaveProperty(first)
    expect((await submit({ ...f.content, applicantKind: 'firm' })).message).toBe('当前登录的是个人账号，不能以企业身份申请')
    expect((await submit({ ...f.content, templateVersion: 999 })).message).toMatch(/第 999 版/)
    expect((await submit({ ...f.content, region: '110101' })).message).toMatch(/暂未开通/)
  })

  test('pickup at a service hall that does not exist is a delivery error; a real hall is fine', async () => {
    const { c, profile, licences } = await citizen('dev-citizen-1')
    const f = await filled(c, { profile, licences }, 'bianlidian')
    const halls = (await c.listRegions()).flatMap(function all(region): string[] {
      return [...(region.hall ? [region.hall.id] : []), ...(region.children ?? []).flatMap(all)]
    })
    expect(halls.length).toBeGreaterThan(0)
    const bad = (await c.submitCase({ draftId: newDraftId(), content: { ...f.content, delivery: { method: 'pickup', hallId: 'hall-nowhere' } } }, newIdempotencyKey()).catch((e) => e)) as PlatformError
    expect(bad.deliveryError).toBe('所选的领取窗口不存在，请重新选择')
    const ok = await c.submitCase({ draftId: newDraftId(), content: { ...f.content, delivery: { method: 'pickup', hallId: halls[0] } } }, newIdempotencyKey())
    expect(ok.delivery).toEqual({ method: 'pickup', hallId: halls[0] })
  })

  test('wrong types are 400 with paths, never a crash', async () => {
    const { c } = await citizen('dev-citizen-1')
    const res = await raw(r.url, 'POST', '/cases', {
      headers: { Authorization: `Bearer ${c.tokens.current!.accessToken}`, 'Content-Type': 'application/json', 'Idempotency-Key': newIdempotencyKey() },
      body: JSON.stringify({ draftId: 42, content: { bundleId: 'x', templateVersion: 1, region: '43', applicantKind: 'robot', answers: { a: { nested: 1 } }, values: { v: 3 }, materials: { m: { mode: 'magic' } } } }),
    })
    expect(res.status).toBe(400)
    expect(Object.keys(res.json.error.fieldErrors).sort()).toEqual(['content.answers.a', 'content.applicantKind', 'content.materials.m.mode', 'content.region', 'content.values.v', 'draftId'])
  })
})

describe('one rulebook: the platform refuses exactly what the app refuses, in the same words', () => {
  /** What the app would say about this content for this signed-in citizen (the app's own context). */
  async function appSays(c: TestClient, t: BundleTemplate, content: DraftContent) {
    const session = { profile: await c.me(), licences: await c.listLicences(), licenceData: {} }
    const ctx = guidanceContext({ content, acting: SELF }, session, new Date(START).toISOString(), await c.listRegions(), await c.listLicenceKinds())
    return validateDraft(t, content, ctx, prefillData(session))
  }
  async function platformSays(c: TestClient, content: DraftContent) {
    const e = (await c.submitCase({ draftId: newDraftId(), content }, newIdempotencyKey()).catch((x) => x)) as PlatformError
    expect(e).toBeInstanceOf(PlatformError)
    return e
  }
  const same = (app: Awaited<ReturnType<typeof appSays>>, platform: PlatformError) => {
    expect(app.ok).toBe(false)
    expect(platform.fieldErrors ?? {}).toEqual(app.fieldErrors)
    expect(platform.materialErrors ?? {}).toEqual(app.materialErrors)
    expect(platform.answerErrors ?? {}).toEqual(app.answerErrors)
    expect(platform.deliveryError).toBe(app.deliveryError)
    expect(platform.handlingError).toBe(app.handlingError)
    if (app.messages.length) expect(platform.message).toBe(app.messages[0])
  }

  test('no 办理方式 chosen: refused by both with 请选择办理方式', async () => {
    const { c, profile, licences } = await citizen('dev-citizen-1')
    const f = await filled(c, { profile, licences }, 'kaiban-canyin')
    const content = { ...f.content }
    delete content.handling
    const app = await appSays(c, f.t, content)
    expect(app.handlingError).toBe('请选择办理方式')
    same(app, await platformSays(c, content))
  })

  test('an e-licence not agreed to: the material asks for consent on both sides, and it prefills nothing', async () => {
    // a platform of its own: consents given by earlier tests would count
    const fresh = await start()
    try {
      const c = fresh.client()
      const who = await signIn(c, 'dev-citizen-1', { consent: false })
      const t = await c.getBundle('kaiban-canyin')
      const content = await fillDraft(t, { ...who, upload: uploader(c, t.id) })
      const app = await appSays(c, t, content)
      expect(Object.values(app.materialErrors).some((m) => /^请同意使用电子/.test(m))).toBe(true)
      same(app, await platformSays(c, content))
    } finally {
      await fresh.stop()
    }
  })

  test('a citizen barred from 告知承诺 (on the profile) is refused a promise by both, in the same words', async () => {
    const { c, profile, licences } = await citizen('dev-barred')
    expect(profile.promiseBarred).toBe(true)
    const f = await filled(c, { profile, licences }, 'kaiban-canyin', { prefer: ['in-bundle', 'licence', 'shared', 'upload', 'defer'] })
    const promised = f.t.materials.find((x) => x.promise && f.content.materials[x.id])!
    const content = { ...f.content, materials: { ...f.content.materials, [promised.id]: { mode: 'promise' as const, agreedAt: '2026-11-26T02:00:00Z' } } }
    const app = await appSays(c, f.t, content)
    expect(app.materialErrors[promised.id]).toBe(`您暂不符合告知承诺条件，请以其他方式提交${promised.name}`)
    same(app, await platformSays(c, content))
  })

  test("a region not offered and a firm filed from a person's account: the same message first", async () => {
    const { c, profile, licences } = await citizen('dev-citizen-1')
    const f = await filled(c, { profile, licences }, 'kaiban-canyin')
    for (const content of [{ ...f.content, region: '110101' }, { ...f.content, applicantKind: 'firm' as const }]) same(await appSays(c, f.t, content), await platformSays(c, content))
  })
})

describe('who may read a case', () => {
  test("another citizen's case is 404; staff without the citizen's grant get 403; no sign-in opens the simulation controls (403)", async () => {
    const { c, profile, licences } = await citizen('dev-mother')
    const { content } = await filled(c, { profile, licences }, 'xinshenger')
    const cs = await c.submitCase({ draftId: newDraftId(), content }, newIdempotencyKey())
    const other = await citizen('dev-elder')
    await expect(other.c.getCase(cs.id)).rejects.toMatchObject({ kind: 'not-found', message: '办件不存在' })
    expect((await other.c.listCases()).map((x) => x.id)).not.toContain(cs.id)
    await expect(other.c.getCase('HN2099010100001')).rejects.toMatchObject({ kind: 'not-found', message: '办件不存在' })
    const staff = r.client()
    await staff.loginStaff('staff01', 'Window@2026')
    // a citizen's case is read by the window only under their grant (test/contract/assist.test.ts)
    await expect(staff.getCase(cs.id)).rejects.toMatchObject({ kind: 'forbidden', status: 403 })
    const noAdmin = r.client({ adminToken: undefined })
    await noAdmin.loginWechat('dev-elder')
    await expect(noAdmin.admin.listCases()).rejects.toMatchObject({ kind: 'forbidden', status: 403 })
    await expect(noAdmin.admin.advanceClock({ hours: 1 })).rejects.toMatchObject({ kind: 'forbidden' })
    // a window clerk is no admin: no reset, no faults, no clock, no list of every citizen's cases
    const clerk = r.client({ adminToken: undefined })
    await clerk.loginStaff('staff01', 'Window@2026')
    const before = await c.admin.getClock()
    await expect(clerk.admin.listCases()).rejects.toMatchObject({ kind: 'forbidden', status: 403 })
    await expect(clerk.admin.advanceClock({ hours: 24 })).rejects.toMatchObject({ kind: 'forbidden' })
    await expect(clerk.admin.setFaults({ faults: [{ route: '*', errorRate: 1 }] })).rejects.toMatchObject({ kind: 'forbidden' })
    await expect(clerk.admin.stallCase(cs.id, true)).rejects.toMatchObject({ kind: 'forbidden' })
    await expect(clerk.admin.outbox(cs.id)).rejects.toMatchObject({ kind: 'forbidden' })
    // and the other way round: department actions are a staff power, the admin token alone does not open them
    const byToken = await raw(r.url, 'POST', `/dept/cases/${cs.id}/accept`, {
      headers: { 'X-Admin-Token': ADMIN_TOKEN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ matterId: cs.matters[0].matterId }),
    })
    expect(byToken.status).toBe(401)
    expect((await c.getCase(cs.id)).matters[0].timeline.map((e) => e.note)).not.toContain('部门已受理')
    const reset = await raw(r.url, 'POST', '/admin/reset', { headers: { Authorization: `Bearer ${clerk.tokens.current!.accessToken}` } })
    expect(reset.status).toBe(403)
    // nothing moved, nothing was reset, and the clerk is still signed in
    expect(await c.admin.getClock()).toEqual(before)
    expect((await c.getCase(cs.id)).id).toBe(cs.id)
    expect((await clerk.me()).role).toBe('staff')
    for (const token of ['guess', 'dev-admin', '']) {
      const res = await raw(r.url, 'GET', '/admin/cases', { headers: token ? { 'X-Admin-Token': token } : {} })
      expect(res.status).toBe(403)
      expect(res.json.error.message).toMatch(/管理令牌/)
    }
  })
})
