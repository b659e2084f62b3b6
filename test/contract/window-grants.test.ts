// Grants registered at the window on paper: 亲情帮办 for an elder without a phone (the 户口簿 scanned as proof), and a
// proxy who is not the citizen (the signed 授权委托书 scanned). The platform refuses without proof in the rulebook's
// words (windowGrantErrors), writes one audit row the citizen reads, and the grants work like the app's: the
// relative files for the elder on their own phone; the window files for the citizen under the proxy's paper, and
// a 告知承诺 only when the paper says so (proxyPromiseRefusal).
import { proxyPromiseRefusal, windowGrantAuditWhat, windowGrantErrors, WINDOW_RELATIVE_GRANT_DAYS } from '@/domain/assist'
import type { BundleTemplate } from '@/domain/template/types'
import type { Signature, WindowGrantRequest } from '@/services/contract'
import { newDraftId, newIdempotencyKey, PlatformError } from '@/services/platform'
import { actingCast, catalogueTemplate, fileOf, fillDraft, start, START, type Running, type TestClient } from './support/harness'

let r: Running
let t: BundleTemplate
let elder: TestClient
let relative: TestClient
let staff: TestClient // 天心区 hall
let otherStaff: TestClient // 芙蓉区 hall

const ELDER_ID = '430103195801012114' // 王德明 (fixture)
const PROXY_ID = '430104199605121238' // someone else's number: the proxy's
const TODAY = new Date(START).toISOString().slice(0, 10)
const SIGNATURE: Signature = { width: 300, height: 120, strokes: [[[20, 80], [60, 40], [100, 90], [150, 30], [200, 85], [260, 40]]] }

async function failure(p: Promise<unknown>): Promise<PlatformError> {
  const e = await p.then(() => undefined, (x: unknown) => x)
  expect(e).toBeInstanceOf(PlatformError)
  return e as PlatformError
}

const scan = async (c: TestClient, kind: 'relative' | 'proxy', type = 'jpg') => {
  const f = fileOf(type)
  return (await c.uploadProof(kind, { name: f.name, type: f.mime, data: f.data })).fileId
}

async function auditRows(): Promise<{ what: string; actorId: string; route: string; record?: string }[]> {
  return r.client().admin.listAudit()
}

beforeAll(async () => {
  r = await start()
  t = catalogueTemplate('kaiban-canyin')
  ;({ elder, relative, staffHere: staff, staffThere: otherStaff } = await actingCast(r))
})
afterAll(() => r.stop())

test('亲情帮办 at the window: refused without the 户口簿 in the rulebook’s words; with it the relative files for the elder and the elder sees the window’s row', async () => {
  const req: WindowGrantRequest = { kind: 'relative', idNumber: ELDER_ID, bundleId: t.id, proofFileId: '', relativeMobile: '13807310001', relation: '子女' }
  // no proof: 422 at the field, the same words as the console's check
  const noProof = await failure(staff.registerWindowGrant(req))
  expect(noProof.status).toBe(422)
  expect(noProof.fieldErrors).toEqual(windowGrantErrors(req, TODAY))
  expect(noProof.fieldErrors).toEqual({ proofFileId: '请上传户口簿（申请人页和亲属页）的扫描件或照片，作为亲属关系证明' })
  // bad ID number and relation: the rulebook's words at each field
  // (a relation the console does not offer: what another client might send)
  const bad = { ...req, idNumber: '430103195801012115', relation: '邻居' } as unknown as WindowGrantRequest
  expect((await failure(staff.registerWindowGrant(bad))).fieldErrors).toEqual(windowGrantErrors(bad, TODAY))
  // a citizen cannot register grants for others; an unreadable scan is refused at the field
  expect((await failure(relative.registerWindowGrant(req))).status).toBe(403)
  expect((await failure(relative.uploadProof('relative', { name: 'a.jpg', type: 'image/jpeg', data: fileOf('jpg').data }))).status).toBe(403)
  const txt = await failure(staff.uploadProof('relative', { name: 'a.txt', type: 'text/plain', data: Buffer.from('not a scan') }))
  expect(txt.fieldErrors).toEqual({ proofFileId: '户口簿扫描件应为 JPG、PNG 或 PDF 格式' })
  // a scan another window uploaded, or the other kind of paper, is not proof here
  const theirs = await scan(otherStaff, 'relative')
  expect((await failure(staff.registerWindowGrant({ ...req, proofFileId: theirs }))).fieldErrors).toEqual({ proofFileId: '没有找到上传的证明材料，请重新扫描上传' })
  const letter = await scan(staff, 'proxy')
  expect((await failure(staff.registerWindowGrant({ ...req, proofFileId: letter }))).fieldErrors).toEqual({ proofFileId: '请上传户口簿的扫描件' })
  // someone nobody registered
  const hukou = await scan(staff, 'relative', 'pdf')
  expect((await failure(staff.registerWindowGrant({ ...req, proofFileId: hukou, idNumber: '11010519491231002X' }))).fieldErrors?.idNumber).toMatch(/没有找到该身份证号码的实名用户/)

  const rowsBefore = (await auditRows()).length
  const g = await staff.registerWindowGrant({ ...req, proofFileId: hukou })
  expect(g).toMatchObject({ grantee: 'relative', state: 'active', scopeLabel: t.name, promiseAuthorised: false, citizen: { name: '王*明' }, proof: { kind: 'relative', fileId: hukou, registeredBy: { staffName: expect.any(String), hallName: '长沙市天心区政务服务中心' } } })
  expect(g.citizen?.idNumber).not.toContain('195801012')
  expect(Date.parse(g.expiresAt) - Date.parse(g.createdAt)).toBe(WINDOW_RELATIVE_GRANT_DAYS * 86_400_000)
  // the same scan does not make a second grant
  expect((await failure(staff.registerWindowGrant({ ...req, proofFileId: hukou }))).fieldErrors).toEqual({ proofFileId: '这份扫描件已用于另一项授权，请重新扫描上传' })
  // one audit row for the registration, by this window, naming the scan
  const rows = (await auditRows()).slice(rowsBefore)
  expect(rows).toHaveLength(1)
  expect(rows[0]).toMatchObject({ what: windowGrantAuditWhat('relative'), route: 'POST /staff/grants', record: '材料.pdf' })
  const seen = (await elder.listAudit()).find((a) => a.what === '登记亲情帮办授权（户口簿）')
  expect(seen).toMatchObject({ actorRole: 'staff', hallName: '长沙市天心区政务服务中心', basis: 'grant', purpose: `亲情帮办：代办“${t.name}”` })
  // the elder's app lists it like one made there
  expect((await elder.listGrants()).find((x) => x.id === g.id)).toMatchObject({ relative: { relation: '子女', mobile: '138****0001' }, proof: { kind: 'relative' } })

  // the relative, on their own phone, files for the elder under it: the case is the elder's
  expect((await relative.listReceivedGrants()).map((x) => x.id)).toContain(g.id)
  const son = r.client({ actingGrant: () => g.id })
  son.tokens.current = relative.tokens.current
  const { profile } = await son.actingSubject()
  expect(profile.idNumber).toBe(ELDER_ID)
  const upload = async (materialId: string, accept: string[]) => {
    const f = fileOf(accept[0] ?? 'pdf')
    return (await son.uploadFile({ bundleId: t.id, materialId, file: { name: f.name, type: f.mime, data: f.data } })).fileId
  }
  const content = await fillDraft(t, { profile, licences: [], upload, prefer: ['upload', 'shared', 'defer'] })
  const cs = await son.submitCase({ draftId: newDraftId(), content }, newIdempotencyKey())
  expect(cs.filedBy).toMatchObject({ actor: 'relative', relation: '子女', confirmedBy: 'grant', grantId: g.id })
  expect((await elder.listCases()).map((x) => x.id)).toContain(cs.id)
  expect((await relative.listCases()).map((x) => x.id)).not.toContain(cs.id)
})

test('a proxy with a 授权委托书: the window acts for the citizen; 告知承诺 only when the paper authorises it, refused otherwise with the app’s words', async () => {
  const req: WindowGrantRequest = { kind: 'proxy', idNumber: ELDER_ID, bundleId: t.id, proofFileId: '', proxyName: '李四', proxyIdNumber: PROXY_ID }
  expect((await failure(staff.registerWindowGrant(req))).fieldErrors).toEqual({ proofFileId: '请上传申请人签字的授权委托书扫描件或照片' })
  const self = { ...req, proxyIdNumber: ELDER_ID, proxyName: '' }
  expect((await failure(staff.registerWindowGrant(self))).fieldErrors).toEqual(windowGrantErrors(self, TODAY))

  // without the promise clause: the window files, but a promise is refused with the domain's words
  const plain = await staff.registerWindowGrant({ ...req, proofFileId: await scan(staff, 'proxy') })
  expect(plain).toMatchObject({ grantee: 'staff', state: 'active', promiseAuthorised: false, proof: { kind: 'proxy' }, proxy: { name: '李四' } })
  expect(plain.proxy?.idNumber).not.toBe(PROXY_ID)
  // the grant is the registering hall's only
  const there = r.client({ actingGrant: () => plain.id })
  there.tokens.current = otherStaff.tokens.current
  expect((await failure(there.actingSubject())).status).toBe(403)

  const windowFor = (grantId: string) => {
    const c = r.client({ actingGrant: () => grantId })
    c.tokens.current = staff.tokens.current
    return c
  }
  const clerk = windowFor(plain.id)
  const { profile } = await clerk.actingSubject()
  const upload = async (materialId: string, accept: string[]) => {
    const f = fileOf(accept[0] ?? 'pdf')
    return (await clerk.uploadFile({ bundleId: t.id, materialId, file: { name: f.name, type: f.mime, data: f.data } })).fileId
  }
  const promised = await fillDraft(t, { profile, licences: [], upload, prefer: ['promise', 'upload', 'shared', 'defer'], now: new Date(Date.now()).toISOString() })
  const promisedIds = Object.entries(promised.materials).filter(([, m]) => m.mode === 'promise').map(([id]) => id)
  expect(promisedIds.length).toBeGreaterThan(0)
  const refused = await failure(clerk.submitCase({ draftId: newDraftId(), content: promised, signature: SIGNATURE }, newIdempotencyKey()))
  expect(refused.status).toBe(422)
  const name = t.materials.find((m) => m.id === promisedIds[0])!.name
  expect(refused.materialErrors?.[promisedIds[0]]).toBe(proxyPromiseRefusal(name))

  // with the clause ticked (the paper says so): the same promises are accepted, the case is the citizen's
  const authorised = await staff.registerWindowGrant({ ...req, proofFileId: await scan(staff, 'proxy', 'png'), promiseAuthorised: true })
  expect(authorised.promiseAuthorised).toBe(true)
  const cs = await windowFor(authorised.id).submitCase({ draftId: newDraftId(), content: promised, signature: SIGNATURE }, newIdempotencyKey())
  expect(cs.acting).toEqual({ actor: 'staff', promiseAuthorised: true, authorisationId: authorised.id })
  expect((await elder.listCases()).map((x) => x.id)).toContain(cs.id)
  const seen = (await elder.listAudit()).filter((a) => a.what === '登记代理人授权（授权委托书）')
  expect(seen).toHaveLength(2)
  // every row under the paper, the registration and the filing, names the proxy to the citizen
  const underPaper = (await elder.listAudit()).filter((a) => a.grantId === authorised.id)
  expect(underPaper.map((a) => a.what)).toEqual(expect.arrayContaining(['登记代理人授权（授权委托书）', `代为提交申请`]))
  for (const a of underPaper) expect(a.purpose).toBe(`代理人李四代办“${t.name}”（凭授权委托书）`)
})

test('window grants survive a restart', async () => {
  const before = await elder.listGrants()
  await r.restart()
  expect(await elder.listGrants()).toEqual(before)
})
