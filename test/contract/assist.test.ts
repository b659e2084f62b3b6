// 帮代办 and 亲情帮办 on the platform: grants given in the citizen's app, the window redeeming them, acting for
// the citizen only within a live grant of their hall, revoking at once, and one audit row per access.
import fs from 'node:fs'
import path from 'node:path'
import { decisionRefusalText, grantRequestErrors } from '@/domain/assist'
import type { BundleTemplate } from '@/domain/template/types'
import type { GrantView, Signature } from '@/services/contract'
import { newDraftId, newIdempotencyKey, PlatformError } from '@/services/platform'
import { actingCast, catalogueTemplate, fileOf, fillDraft, raw, signIn, start, type Running, type TestClient } from './support/harness'

let r: Running
let t: BundleTemplate
let elder: TestClient
let relative: TestClient
let stranger: TestClient
let staffHere: TestClient // 天心区 hall: the elder's
let staffThere: TestClient // 芙蓉区 hall
let grantId: string | undefined
/** the case the window filed for the elder (at the 天心区 hall) */
let filedCaseId: string
/** requests by staff or a relative that read or wrote the citizen's data and were answered */
let accesses = 0
/** the same, by the hall's reviewer (on the hall's duty) */
let reviewerAccesses = 0
/** refused probes, by kind */
const probes: Record<string, number> = {}

const SIGNATURE: Signature = {
  width: 300,
  height: 120,
  strokes: [
    [
      [20, 80],
      [60, 40],
      [100, 90],
      [150, 30],
      [200, 85],
      [260, 40],
    ],
  ],
}

/** uploads a sample file of the first accepted type; `counted`: an access to count for the audit */
function uploadBy(c: TestClient, counted = false) {
  return async (materialId: string, accept: string[]) => {
    const f = fileOf(accept[0] ?? 'pdf')
    const u = await c.uploadFile({ bundleId: t.id, materialId, file: { name: f.name, type: f.mime, data: f.data } })
    if (counted) accesses++
    return u.fileId
  }
}

/** a client that names the current grant on its calls */
function actingClient(signedIn: TestClient): TestClient {
  const c = r.client({ actingGrant: () => grantId })
  c.tokens.current = signedIn.tokens.current
  return c
}

async function refused(kind: string, p: Promise<unknown>, message?: RegExp): Promise<PlatformError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  )
  expect(e).toBeInstanceOf(PlatformError)
  const err = e as PlatformError
  expect(err.status).toBe(403)
  if (message) expect(err.message).toMatch(message)
  probes[kind] = (probes[kind] ?? 0) + 1
  return err
}

async function staffGrant(minutes = 30, scope: GrantView['scope'] = { kind: 'bundle', bundleId: t.id }): Promise<GrantView> {
  return elder.createGrant({ grantee: 'staff', scope, hallId: 'hall-430103', minutes })
}

beforeAll(async () => {
  r = await start()
  t = catalogueTemplate('kaiban-canyin')
  ;({ elder, relative, staffHere, staffThere } = await actingCast(r))
  stranger = r.client()
  await signIn(stranger, 'dev-no-licence')
})
afterAll(() => r.stop())

test('a grant request is checked with the rulebook’s words at the field', async () => {
  const e = await elder.createGrant({ grantee: 'staff', scope: { kind: 'bundle', bundleId: t.id }, hallId: 'hall-430103', minutes: 45 }).catch((x: PlatformError) => x)
  expect(e).toBeInstanceOf(PlatformError)
  expect((e as PlatformError).fieldErrors).toEqual(grantRequestErrors({ grantee: 'staff', minutes: 45, hallId: 'hall-430103' }))
  const rel = await elder.createGrant({ grantee: 'relative', scope: { kind: 'bundle', bundleId: t.id }, relativeMobile: '13807310003', relation: '子女', days: 7 }).catch((x: PlatformError) => x)
  expect((rel as PlatformError).fieldErrors).toEqual({ relativeMobile: '不能授权给自己' })
  const nobody = await elder.createGrant({ grantee: 'relative', scope: { kind: 'bundle', bundleId: t.id }, relativeMobile: '13900000000', relation: '子女', days: 7 }).catch((x: PlatformError) => x)
  expect((nobody as PlatformError).fieldErrors?.relativeMobile).toMatch(/还没有实名登录/)
  const other = await elder.createGrant({ grantee: 'staff', scope: { kind: 'case', caseId: 'HN2026112600001' }, hallId: 'hall-430103', minutes: 30 }).catch((x: PlatformError) => x)
  expect((other as PlatformError).fieldErrors).toEqual({ 'scope.caseId': '没有找到您的这件办件' })
})

test('no grant, a waiting grant, another hall, a used code, an expired grant, a citizen on staff routes: 403, and nothing is read', async () => {
  const g = await staffGrant(30)
  expect(g.state).toBe('waiting')
  expect(g.code).toMatch(/^\d{8}$/)
  expect(g.qrText).toBe(`HNYJS:GRANT:${g.code}`)
  const here = actingClient(staffHere)
  const there = actingClient(staffThere)

  // staff on a citizen's route without naming a grant
  grantId = undefined
  await refused('no grant', here.actingSubject(), /代办须有申请人的授权/)
  await refused('no grant', here.listLicences(), /代办须有申请人的授权/)
  // naming it before the window redeemed the code
  grantId = g.id
  await refused('grant not yet redeemed', here.actingSubject(), /授权尚未生效/)
  // another hall's window: neither the code nor the grant
  await refused('another hall', staffThere.openGrant({ code: g.code! }), /只给了申请人选定的服务大厅/)
  // the citizen on the window's routes
  await refused('citizen on staff routes', elder.staffQueue(), /仅限窗口工作人员/)
  await refused('citizen on staff routes', elder.openGrant({ code: g.code! }), /仅限窗口工作人员/)
  await refused('citizen on staff routes', elder.hallGrants(), /仅限窗口工作人员/)

  // the right window redeems the code once (the refusals above did not use it up)
  const opened = await staffHere.openGrant({ code: g.code! })
  accesses++
  expect(opened.grant).toMatchObject({ state: 'active', citizen: { name: '王*明' } })
  expect(opened.grant.citizen?.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/)
  expect(opened.grant.code).toBeUndefined()
  // a used code is no code at all
  const used = await staffHere.openGrant({ code: g.code! }).catch((x: PlatformError) => x)
  expect(used).toMatchObject({ status: 404, message: '授权码不正确或已使用，请让申请人刷新授权码后重新扫描' })
  await refused('another hall', there.actingSubject(), /只给了申请人选定的服务大厅/)
  // a citizen who is not the grantee, naming it
  await refused('not the grantee', actingClient(stranger).actingSubject(), /仅限服务大厅窗口工作人员/)

  const subject = await here.actingSubject()
  accesses++
  expect(subject.profile.userId).toBe('u-wang-deming')
  expect(subject.grant.usedBy).toMatchObject({ staffName: '周敏', hallName: '长沙市天心区政务服务中心' })
  // the same grant does not reach the citizen's other things
  await refused('outside the scope', here.consentLicence('idCard', { bundleId: 'tuixiu' }), /超出了申请人授权的范围/)
  await here.consentLicence('idCard', { bundleId: t.id })
  accesses++
  // the citizen's log names the licence in words, not by its key
  expect((await elder.listAudit())[0]).toMatchObject({ what: '调用电子证照', record: '居民身份证' })
  // the citizen's own lists are not acting routes: staff get 403, even with a grant
  await refused('citizen-only route under a grant', here.listCases(), /仅限群众和企业办事人/)

  // 30 minutes later: expired
  r.tick(30 * 60_000)
  await refused('expired grant', here.actingSubject(), /授权已过期/)
  const mine = await elder.listGrants()
  expect(mine.find((x) => x.id === g.id)?.state).toBe('expired')
})

test('assisted filing: the case is the citizen’s, the window and the originals it saw are recorded; a signature is required', async () => {
  const g = await staffGrant(60)
  await staffHere.openGrant({ code: g.code! })
  accesses++
  grantId = g.id
  const here = actingClient(staffHere)
  const profile = (await here.actingSubject()).profile
  accesses++
  // the window scans the paper original: the upload is the citizen's
  const content = await fillDraft(t, { profile, licences: [], upload: uploadBy(here, true), prefer: ['upload', 'shared', 'promise', 'defer'], now: new Date(Date.now()).toISOString() })
  const scanned = Object.entries(content.materials).find(([, m]) => m.mode === 'upload')!
  // the window reads the scan back: the citizen's log names the file, not its id
  const scan = await here.getUpload((scanned[1] as { fileIds: string[] }).fileIds[0])
  accesses++
  expect((await elder.listAudit())[0]).toMatchObject({ what: '查看材料信息', record: scan.name })
  const verifiedAt = '2026-11-26T02:30:00.000Z'
  content.materials[scanned[0]] = { ...(scanned[1] as { mode: 'upload'; fileIds: string[] }), verified: { at: verifiedAt } }
  // (the template's own check judges the rest)
  const draftId = newDraftId()

  // no confirmation by the citizen
  const unconfirmed = await here.submitCase({ draftId, content }, newIdempotencyKey()).catch((x: PlatformError) => x)
  expect((unconfirmed as PlatformError).message).toBe('请申请人在框内签名')
  // a scribble is not a signature
  const tick = await here.submitCase({ draftId, content, signature: { width: 300, height: 120, strokes: [[[10, 10], [12, 12]]] } }, newIdempotencyKey()).catch((x: PlatformError) => x)
  expect((tick as PlatformError).message).toBe('签名太短，请申请人签下完整的姓名')

  const cs = await here.submitCase({ draftId, content, signature: SIGNATURE }, newIdempotencyKey())
  accesses++
  filedCaseId = cs.id
  expect(cs.filedBy).toMatchObject({ actor: 'staff', name: '周敏', hallName: '长沙市天心区政务服务中心', window: '5号窗口（综合受理）', grantId: g.id, confirmedBy: 'signature' })
  expect(cs.acting).toEqual({ actor: 'staff', promiseAuthorised: false, authorisationId: g.id })
  // the citizen owns it and sees it in their own list at once
  expect((await elder.listCases()).map((x) => x.id)).toContain(cs.id)
  const mine = await elder.getCase(cs.id)
  const verified = mine.content.materials[scanned[0]]
  expect(verified).toMatchObject({ mode: 'upload', verified: { by: { staffName: '周敏', hallName: '长沙市天心区政务服务中心' } } })
  // under the bundle grant the window may now read the case it filed, and no other
  expect((await here.getCase(cs.id)).id).toBe(cs.id)
  accesses++
  const own = await fillDraft(t, { profile, licences: [], upload: uploadBy(elder), prefer: ['upload', 'shared', 'promise', 'defer'] })
  const another = await elder.submitCase({ draftId: newDraftId(), content: own }, newIdempotencyKey())
  await refused('outside the scope', here.getCase(another.id), /超出了申请人授权的范围/)
  // a grant files one case
  const again = await here.submitCase({ draftId: newDraftId(), content, signature: SIGNATURE }, newIdempotencyKey()).catch((x: PlatformError) => x)
  expect((again as PlatformError).status).toBe(409)
})

test('原件已核验 only by the window; 容缺 at the window needs a reason; a citizen cannot claim to be staff', async () => {
  const profile = (await elder.me())
  const content = await fillDraft(t, { profile, licences: [], upload: uploadBy(elder), prefer: ['upload', 'shared', 'promise', 'defer'] })
  const scanned = Object.entries(content.materials).find(([, m]) => m.mode === 'upload')!
  const claimed = { ...content, materials: { ...content.materials, [scanned[0]]: { ...(scanned[1] as { mode: 'upload'; fileIds: string[] }), verified: { at: '2026-11-26T03:00:00.000Z' } } } }
  const e = await elder.submitCase({ draftId: newDraftId(), content: claimed }, newIdempotencyKey()).catch((x: PlatformError) => x)
  expect((e as PlatformError).materialErrors?.[scanned[0]]).toBe('只有窗口工作人员可以核验原件')
  const staffClaim = await elder.submitCase({ draftId: newDraftId(), content, acting: { actor: 'staff', promiseAuthorised: true } }, newIdempotencyKey()).catch((x: PlatformError) => x)
  expect((staffClaim as PlatformError).message).toMatch(/代办须经申请人授权/)

  // at the window: 容缺 without a reason is refused at the material, with one it is recorded with the window
  const g = await staffGrant(30)
  await staffHere.openGrant({ code: g.code! })
  accesses++
  grantId = g.id
  const here = actingClient(staffHere)
  const subject = (await here.actingSubject()).profile
  accesses++
  const atWindow = await fillDraft(t, {
    profile: subject,
    licences: [],
    upload: uploadBy(here, true),
    prefer: ['defer', 'upload', 'shared', 'promise'],
  })
  const deferredId = Object.keys(atWindow.materials).find((id) => atWindow.materials[id].mode === 'defer')!
  expect(deferredId).toBeDefined()
  const draftId = newDraftId()
  const noReason = await here.submitCase({ draftId, content: atWindow, signature: SIGNATURE }, newIdempotencyKey()).catch((x: PlatformError) => x)
  expect((noReason as PlatformError).materialErrors).toEqual({ [deferredId]: '请填写容缺受理的理由（申请人何时补交、为何暂缺）' })
  atWindow.materials[deferredId] = { mode: 'defer', reason: '原件在单位档案室，申请人承诺 3 个工作日内补交' }
  const cs = await here.submitCase({ draftId, content: atWindow, signature: SIGNATURE }, newIdempotencyKey())
  accesses++
  expect(cs.content.materials[deferredId]).toEqual({ mode: 'defer', reason: '原件在单位档案室，申请人承诺 3 个工作日内补交', acceptedBy: { staffName: '周敏', hallName: '长沙市天心区政务服务中心', window: '5号窗口（综合受理）' } })
})

test('revoking cuts access at once; the citizen sees who looked, when, where and why', async () => {
  const g = await staffGrant(120)
  await staffHere.openGrant({ code: g.code! })
  accesses++
  grantId = g.id
  const here = actingClient(staffHere)
  await here.actingSubject()
  accesses++
  const revoked = await elder.revokeGrant(g.id)
  expect(revoked.state).toBe('revoked')
  await refused('revoked grant', here.actingSubject(), /已撤销授权/)
  await refused('revoked grant', here.listLicences(), /已撤销授权/)
  // someone else's grant: as if none
  const e = await stranger.revokeGrant(g.id).catch((x: PlatformError) => x)
  expect((e as PlatformError).status).toBe(404)

  const log = await elder.listAudit()
  expect(log[0]).toMatchObject({ action: 'read', basis: 'grant', what: '查看实名信息和电子证照目录', actorName: '周敏', actorRole: 'staff', hallName: '长沙市天心区政务服务中心', window: '5号窗口（综合受理）', grantId: g.id })
  expect(log[0].purpose).toMatch(/^窗口代办“/)
  expect(log.some((x) => x.action === 'write' && x.what === '代为提交申请' && /^HN\d{13}$/.test(x.record ?? ''))).toBe(true)
  // another citizen's log does not hold the elder's rows
  expect(await stranger.listAudit()).toEqual([])
})

test('SMS variant: the code works only for the window that asked, with the number it went to', async () => {
  const sent = await staffHere.requestSmsGrant({ mobile: '138 0731 0003', bundleId: t.id })
  const unknown = await staffHere.requestSmsGrant({ mobile: '13900000001', bundleId: t.id })
  expect(unknown).toEqual(sent)
  const waiting = (await elder.listGrants()).find((x) => x.via === 'sms' && x.state === 'waiting')!
  expect(waiting.code).toMatch(/^\d{6}$/)
  const wrongNumber = await staffHere.openGrant({ code: waiting.code!, mobile: '13807310004' }).catch((x: PlatformError) => x)
  expect((wrongNumber as PlatformError).status).toBe(404)
  const otherWindow = await staffThere.openGrant({ code: waiting.code!, mobile: '13807310003' }).catch((x: PlatformError) => x)
  expect((otherWindow as PlatformError).status).toBe(404)
  const opened = await staffHere.openGrant({ code: waiting.code!, mobile: '13807310003' })
  accesses++
  expect(opened.grant).toMatchObject({ via: 'sms', state: 'active', promiseAuthorised: false })
})

test('SMS variant: issue 11’s per-number limit holds for the window’s texts too, registered or not, shared with login codes', async () => {
  const own = await start({ throttle: { sms: { sendsPerNumberPerDay: 2 } } })
  try {
    const window = own.client()
    await window.loginStaff('staff02', 'Window@2026')
    for (const mobile of ['13807310003', '13900000001']) {
      await window.requestSmsGrant({ mobile, bundleId: t.id })
      await window.requestSmsGrant({ mobile, bundleId: t.id })
      await expect(window.requestSmsGrant({ mobile, bundleId: t.id })).rejects.toMatchObject({ status: 429, message: '该手机号今日获取验证码次数已达上限，请明天再试' })
    }
    // a login code to the same number counts against the same limit
    const other = await start({ throttle: { sms: { sendsPerNumberPerDay: 2 } } })
    try {
      const w = other.client()
      await w.loginStaff('staff02', 'Window@2026')
      const res = await raw(other.url, 'POST', '/auth/sms/send', { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ mobile: '13807310003' }) })
      expect(res.status).toBe(200)
      await w.requestSmsGrant({ mobile: '13807310003', bundleId: t.id })
      await expect(w.requestSmsGrant({ mobile: '13807310003', bundleId: t.id })).rejects.toMatchObject({ status: 429 })
    } finally {
      await other.stop()
    }
    // the next Beijing day (START is 10:00): the number may be texted again
    own.tick(14 * 3600_000)
    await window.loginStaff('staff02', 'Window@2026')
    expect(await window.requestSmsGrant({ mobile: '13807310003', bundleId: t.id })).toMatchObject({ sent: true })
  } finally {
    await own.stop()
  }
})

test('亲情帮办: the relative files for the elder; the case is the elder’s; the relative sees it and nothing else', async () => {
  const g = await elder.createGrant({ grantee: 'relative', scope: { kind: 'bundle', bundleId: t.id }, relativeMobile: '13807310001', relation: '子女', days: 7 })
  expect(g).toMatchObject({ state: 'active', relative: { name: '刘*', mobile: '138****0001', relation: '子女' } })
  expect((await relative.listReceivedGrants()).map((x) => x.id)).toEqual([g.id])
  grantId = g.id
  const son = actingClient(relative)
  const profile = (await son.actingSubject()).profile
  accesses++
  const content = await fillDraft(t, {
    profile,
    licences: [],
    upload: uploadBy(son, true),
    prefer: ['upload', 'shared', 'promise', 'defer'],
  })
  // a relative's grant without the written authorisation for promises: no 告知承诺 for the elder
  const cs = await son.submitCase({ draftId: newDraftId(), content }, newIdempotencyKey())
  accesses++
  expect(cs.filedBy).toMatchObject({ actor: 'relative', name: '刘*', relation: '子女', confirmedBy: 'grant' })
  expect((await elder.getCase(cs.id)).id).toBe(cs.id)
  expect((await son.getCase(cs.id)).id).toBe(cs.id)
  accesses++
  // not in the relative's own list, and the elder's other cases stay closed
  expect((await relative.listCases()).map((x) => x.id)).not.toContain(cs.id)
  const others = (await elder.listCases()).filter((x) => x.id !== cs.id)
  await refused('outside the scope', son.getCase(others[0].id), /超出了申请人授权的范围/)
  // staff cannot use a relative's grant
  await refused('not the grantee', actingClient(staffHere).actingSubject(), /该授权不是给您的/)
})

test('一窗受理: only the case’s hall reads and acts on it; the reviewer of that hall decides; each is an audit row on the hall’s duty', async () => {
  const reviewer = r.client()
  await reviewer.loginStaff('reviewer01', 'Window@2026')
  grantId = undefined
  await refused('another hall', staffThere.dept.getCase(filedCaseId), /该办件不在本厅受理/)
  await refused('another hall', staffThere.dept.accept(filedCaseId, { matterId: 'x' }), /该办件不在本厅受理/)
  await refused('citizen on staff routes', elder.dept.getCase(filedCaseId), /仅限窗口工作人员/)
  await refused('reviewer on window routes', reviewer.dept.accept(filedCaseId, { matterId: 'x' }), /仅限窗口工作人员/)
  const read = await staffHere.dept.getCase(filedCaseId)
  accesses++
  const before = (await r.client().admin.listAudit()).length
  for (const m of read.matters) {
    await staffHere.dept.accept(filedCaseId, { matterId: m.matterId })
    accesses++
  }
  const rows = (await r.client().admin.listAudit()).slice(before)
  expect(rows.map((x) => [x.basis, x.action, x.what, x.record, x.purpose])).toEqual(read.matters.map(() => ['hall', 'write', '受理', filedCaseId, '一窗受理']))
  // a refused action writes no row: accepting again is a conflict
  await expect(staffHere.dept.accept(filedCaseId, { matterId: read.matters[0].matterId })).rejects.toMatchObject({ status: 409 })
  expect((await r.client().admin.listAudit()).length).toBe(before + read.matters.length)
  // the elder sees the hall's duty named
  const log = await elder.listAudit()
  expect(log[0]).toMatchObject({ basis: 'hall', what: '受理', record: filedCaseId, actorName: '周敏', hallName: '长沙市天心区政务服务中心' })
})

test('审批: the hall’s reviewer sees the accepted case in its queue and decides each matter; 准予 issues a result marked 示例, 不予许可 needs a ground; rows on the hall’s duty', async () => {
  const reviewer = r.client()
  await reviewer.loginStaff('reviewer01', 'Window@2026')
  const before = (await r.client().admin.listAudit()).length
  const q = await reviewer.staffQueue()
  expect(q.waiting).toEqual([])
  expect(q.deciding?.map((c) => c.id)).toContain(filedCaseId)
  const windowQueue = await staffHere.staffQueue()
  if (windowQueue.waiting.length) accesses++ // the window's queue read lists someone: a row
  expect(windowQueue.waiting.map((c) => c.id)).not.toContain(filedCaseId)
  await refused('reviewer on window routes', reviewer.hallGrants(), /仅限窗口工作人员/)
  const read = await reviewer.dept.getCase(filedCaseId)
  const others = read.matters.filter((m) => m.matterId !== 'registration')
  expect(others.length).toBeGreaterThan(0)
  // the other matters wait for the business licence: the platform says so, and writes no row
  await expect(reviewer.dept.decide(filedCaseId, { matterId: others[0].matterId, outcome: 'approved' })).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/^暂不能作出决定（需先办结：.*营业执照/) })
  const approved = await reviewer.dept.decide(filedCaseId, { matterId: 'registration', outcome: 'approved' })
  const reg = approved.matters.find((m) => m.matterId === 'registration')!
  expect(reg).toMatchObject({ status: 'concluded', outcome: 'approved' })
  expect(reg.result?.licence?.number).toMatch(/^示例/)
  // 不予许可 without a ground: the field's words
  await expect(reviewer.dept.decide(filedCaseId, { matterId: others[0].matterId, outcome: 'refused' })).rejects.toMatchObject({ status: 422, fieldErrors: { reason: '请填写不予许可的理由' } })
  const { text } = decisionRefusalText('现场核查情况与申请材料不符', '后厨面积小于申报面积')
  let last = approved
  for (const [i, m] of others.entries()) last = await reviewer.dept.decide(filedCaseId, i === 0 ? { matterId: m.matterId, outcome: 'refused', reason: text } : { matterId: m.matterId, outcome: 'approved' })
  expect(last.matters.find((m) => m.matterId === others[0].matterId)?.refusal?.reason).toBe('现场核查情况与申请材料不符：后厨面积小于申报面积')
  expect(last.status).toBe('concluded')
  // done: nothing left in the reviewer's queue for this case
  const after = await reviewer.staffQueue()
  expect(after.deciding?.map((c) => c.id)).not.toContain(filedCaseId)
  const rows = (await r.client().admin.listAudit()).slice(before).filter((x) => x.actorRole === 'reviewer')
  // a queue read that lists someone, and one row per decision (refusals write none)
  expect(rows.map((x) => [x.basis, x.what, x.purpose])).toEqual([
    ['hall', '查看待审批办件列表（姓名、证件号已遮挡）', '审批办件'],
    ['hall', '查看办件', '审批办件'],
    ...read.matters.map(() => ['hall', '审批决定', '审批办件']),
    ...(after.deciding?.length ? [['hall', '查看待审批办件列表（姓名、证件号已遮挡）', '审批办件']] : []),
  ])
  reviewerAccesses += rows.length
  // the elder sees who decided
  expect((await elder.listAudit())[0]).toMatchObject({ basis: 'hall', what: '审批决定', record: filedCaseId, actorName: '李慎' })
})

test('raw: a citizen’s token on every /staff route is 403', async () => {
  const token = elder.tokens.current!.accessToken
  for (const [method, p] of [
    ['GET', '/staff/queue'],
    ['GET', '/staff/grants'],
    ['POST', '/staff/open'],
    ['POST', '/staff/grants/sms'],
  ] as const) {
    const res = await raw(r.url, method, p, { headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: method === 'POST' ? '{}' : undefined })
    expect(res.status).toBe(403)
    probes['citizen on staff routes'] = (probes['citizen on staff routes'] ?? 0) + 1
  }
})

test('every access by staff or a relative is exactly one audit row, and refusals write none', async () => {
  const rows = await r.client().admin.listAudit()
  const byActors = rows.filter((x) => x.actorRole !== 'reviewer')
  expect(byActors).toHaveLength(accesses)
  expect(rows.filter((x) => x.actorRole === 'reviewer')).toHaveLength(reviewerAccesses)
  // the rows all concern the elder
  expect(new Set(byActors.flatMap((x) => x.citizenIds))).toEqual(new Set(['u-wang-deming']))
  // the figures for the note
  const total = Object.values(probes).reduce((a, b) => a + b, 0)
  fs.mkdirSync(path.join(__dirname, '..', '..', 'test-results'), { recursive: true })
  fs.writeFileSync(path.join(__dirname, '..', '..', 'test-results', 'assist-probes.json'), JSON.stringify({ probes, total, auditRows: byActors.length, accesses, reviewerRows: reviewerAccesses }, null, 2))
  expect(total).toBeGreaterThanOrEqual(15)
})
