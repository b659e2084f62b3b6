// Drafts against the real mock: create, update, merge by item with what other devices wrote (the platform
// keeps earlier versions as bases), conflicts only on items changed on both sides, uploads never lost, one
// open draft per bundle, the place and time of the last edit, deletion, owners.
import type { DraftContent } from '@/domain/draft'
import type { DraftRecord } from '@/services/contract'
import { createFetchTransport } from '@/services/http/fetch-transport'
import { newDraftId, PlatformError } from '@/services/platform'
import { DRAFT_BASE_DAYS } from '../../mock/server/drafts'
import { catalogueTemplate, PDF, raw, start, type Running, type TestClient } from './support/harness'

// the version the catalogue publishes now (a draft names a version that exists)
const published = catalogueTemplate('kaiban-canyin').version

let r: Running
/** the citizen's phone and, signed in to the same account, their computer */
let phone: TestClient
let computer: TestClient

const content = (values: Record<string, string> = {}, extra: Partial<DraftContent> = {}): DraftContent => ({
  bundleId: 'kaiban-canyin',
  templateVersion: published,
  region: '430104',
  applicantKind: 'person',
  answers: {},
  values,
  materials: {},
  ...extra,
})

beforeAll(async () => {
  r = await start()
  phone = r.client()
  await phone.loginWechat('dev-citizen-1')
  computer = r.client()
  await computer.loginWechat('dev-citizen-1')
})
afterAll(() => r.stop())
// one open draft per bundle: each test begins without any
beforeEach(async () => {
  for (const d of await phone.listDrafts()) if (d.status === 'open') await phone.deleteDraft(d.id)
})

const upload = (c: TestClient) => (materialId: string, data: Buffer, name: string) => c.uploadFile({ bundleId: 'kaiban-canyin', materialId, file: { name, type: 'application/pdf', data } })

const conflictOf = async (p: Promise<unknown>) => {
  const err = (await p.catch((e) => e)) as PlatformError
  expect(err).toBeInstanceOf(PlatformError)
  return err
}

test('create with baseVersion 0, then update with the version last seen', async () => {
  const id = newDraftId()
  const v1 = await phone.putDraft(id, content({ note: 'a' }), 0)
  expect(v1).toMatchObject({ id, version: 1, status: 'open', content: content({ note: 'a' }), acting: { actor: 'self' } })
  const v2 = await phone.putDraft(id, content({ note: 'b' }), 1)
  expect(v2.version).toBe(2)
  expect(v2.createdAt).toBe(v1.createdAt)
  expect((await phone.getDraft(id)).content.values.note).toBe('b')
  expect((await phone.listDrafts()).map((d) => d.id)).toContain(id)
})

test('different fields changed on two devices: the later write is merged with the earlier, both kept, no conflict', async () => {
  const id = newDraftId()
  await phone.putDraft(id, content({ 'business-name': '跨端测试小馆' }), 0)
  // both devices saw version 1; the computer saves the staff count first
  const fromComputer = await computer.putDraft(id, content({ 'business-name': '跨端测试小馆', 'employee-count': '6' }), 1)
  expect(fromComputer.version).toBe(2)
  // the phone, still on version 1, saves the address
  const merged = await phone.putDraft(id, content({ 'business-name': '跨端测试小馆', 'premises-address': '长沙市天心区示例路 8 号' }), 1)
  expect(merged.version).toBe(3)
  expect(merged.content.values).toEqual({ 'business-name': '跨端测试小馆', 'employee-count': '6', 'premises-address': '长沙市天心区示例路 8 号' })
  expect((await computer.getDraft(id)).content.values).toEqual(merged.content.values)
})

test('the same field changed on both devices is refused with the platform copy and the item, until the citizen chooses', async () => {
  const id = newDraftId()
  await phone.putDraft(id, content({ 'business-name': '小馆', 'seat-count': '20' }), 0)
  await computer.putDraft(id, content({ 'business-name': '电脑上的小馆', 'seat-count': '20' }), 1)
  const err = await conflictOf(phone.putDraft(id, content({ 'business-name': '手机上的小馆', 'seat-count': '30' }), 1))
  expect(err).toMatchObject({ kind: 'conflict', status: 409, conflicts: ['values.business-name'] })
  expect(err.message).toBe('草稿已在其他设备修改，有 1 项两边填得不一样，请逐项选择')
  expect(err.current).toMatchObject({ id, version: 2, content: { values: { 'business-name': '电脑上的小馆' } } })
  // nothing of the refused write was stored
  expect((await phone.getDraft(id)).content.values['seat-count']).toBe('20')
  // the citizen chose: written on the version now known
  const settled = await phone.putDraft(id, content({ 'business-name': '手机上的小馆', 'seat-count': '30' }), 2)
  expect(settled).toMatchObject({ version: 3, content: { values: { 'business-name': '手机上的小馆', 'seat-count': '30' } } })
})

test('files uploaded to the same material on two devices are both kept; a file against another choice is asked', async () => {
  const id = newDraftId()
  const upPhone = upload(phone)
  const upComputer = upload(computer)
  const first = await upPhone('layout', PDF, '布局图-手机.pdf')
  const second = await upComputer('layout', PDF, '布局图-电脑.pdf')
  await phone.putDraft(id, content(), 0)
  await computer.putDraft(id, content({}, { materials: { layout: { mode: 'upload', fileIds: [second.fileId] } } }), 1)
  const merged = await phone.putDraft(id, content({}, { materials: { layout: { mode: 'upload', fileIds: [first.fileId] } } }), 1)
  expect(merged.content.materials.layout).toEqual({ mode: 'upload', fileIds: [second.fileId, first.fileId] })
  // the computer defers 卫生设施 while the phone uploads it: asked, nothing dropped silently
  const health = await upPhone('health-cert', PDF, '健康证.pdf')
  await computer.putDraft(id, { ...merged.content, materials: { ...merged.content.materials, 'health-cert': { mode: 'defer' } } }, merged.version)
  const err = await conflictOf(phone.putDraft(id, { ...merged.content, materials: { ...merged.content.materials, 'health-cert': { mode: 'upload', fileIds: [health.fileId] } } }, merged.version))
  expect(err.conflicts).toEqual(['materials.health-cert'])
})

test('a write of unchanged content, or of a newer place only, makes no new version; the newer place and the last edit time are kept', async () => {
  const id = newDraftId()
  const v1 = await phone.putDraft(id, content({ note: 'x' }), 0, { editedAt: '2026-11-26T01:59:00.000Z', place: { step: 'form', at: '2026-11-26T01:59:30.000Z' } })
  expect(v1).toMatchObject({ version: 1, editedAt: '2026-11-26T01:59:00.000Z', place: { step: 'form' } })
  expect(await phone.putDraft(id, content({ note: 'x' }), 1)).toMatchObject({ version: 1, updatedAt: v1.updatedAt })
  const moved = await computer.putDraft(id, content({ note: 'x' }), 1, { place: { step: 'materials', at: '2026-11-26T02:00:00.000Z' } })
  expect(moved).toMatchObject({ version: 1, place: { step: 'materials' }, editedAt: '2026-11-26T01:59:00.000Z' })
  // an older place (a device that was offline) does not replace it
  expect((await phone.putDraft(id, content({ note: 'x' }), 1, { place: { step: 'questions', questionId: 'area', at: '2026-11-26T01:00:00.000Z' } })).place?.step).toBe('materials')
  // a device clock ahead of the platform's is taken as the platform's now
  const ahead = await phone.putDraft(id, content({ note: 'y' }), 1, { editedAt: '2030-01-01T00:00:00.000Z' })
  expect(ahead).toMatchObject({ version: 2, editedAt: r.platform.now().toISOString() })
})

test('one open draft per bundle, applicant kind and actor: a second one is refused with the first', async () => {
  const first = newDraftId()
  await phone.putDraft(first, content({ note: 'phone' }), 0)
  const err = await conflictOf(computer.putDraft(newDraftId(), content({ note: 'computer' }), 0))
  expect(err.kind).toBe('conflict')
  expect(err.message).toBe('您已有一份同一件事的草稿，请选择继续平台上的草稿，或把两份合并')
  expect(err.current).toMatchObject({ id: first, content: { values: { note: 'phone' } } })
  expect((await phone.listDrafts()).filter((d) => d.status === 'open')).toHaveLength(1)
  // another bundle, another applicant kind or another actor is another draft
  await computer.putDraft(newDraftId(), content({}, { bundleId: 'xinshenger' }), 0)
  await computer.putDraft(newDraftId(), content({}, { applicantKind: 'firm' }), 0)
  await computer.putDraft(newDraftId(), content(), 0, { acting: { actor: 'relative', promiseAuthorised: false } })
  // once the first is deleted, a new one may begin
  await phone.deleteDraft(first)
  expect((await computer.putDraft(newDraftId(), content(), 0)).version).toBe(1)
})

test('a deleted draft: a write based on it is 404 (the device keeps its copy and creates it again), and it is listed nowhere', async () => {
  const id = newDraftId()
  await phone.putDraft(id, content({ note: 'x' }), 0)
  await phone.putDraft(id, content({ note: 'y' }), 1)
  await computer.deleteDraft(id)
  await expect(phone.getDraft(id)).rejects.toMatchObject({ kind: 'not-found', message: '草稿不存在或已删除' })
  await expect(phone.putDraft(id, content({ note: 'z' }), 2)).rejects.toMatchObject({ kind: 'not-found', message: '草稿不存在或已在其他设备删除' })
  expect((await phone.listDrafts()).map((d) => d.id)).not.toContain(id)
  await expect(phone.deleteDraft(id)).rejects.toMatchObject({ kind: 'not-found' })
  // its kept versions went with it: created again, a write based on the old version 2 has no base to merge on
  const again = await phone.putDraft(id, content({ note: 'z' }), 0)
  expect(again.version).toBe(1)
  await expect(phone.putDraft(id, content({ note: 'w' }), 2)).rejects.toMatchObject({ kind: 'conflict', conflicts: ['values.note'] })
})

test(`a base older than ${DRAFT_BASE_DAYS} days is forgotten: then every item that differs is asked, nothing is overwritten`, async () => {
  const id = newDraftId()
  await phone.putDraft(id, content({ a: '1', b: '1' }), 0)
  await computer.putDraft(id, content({ a: '2', b: '1' }), 1)
  r.tick((DRAFT_BASE_DAYS + 1) * 86_400_000)
  // a month later both devices sign in again
  await phone.loginWechat('dev-citizen-1')
  await computer.loginWechat('dev-citizen-1')
  await computer.putDraft(id, content({ a: '3', b: '1' }), 2)
  // the phone was away: version 1 is gone, so its unchanged b matches, its a differs and is asked
  const err = await conflictOf(phone.putDraft(id, content({ a: '1', b: '1', c: 'new' }), 1))
  expect(err.conflicts).toEqual(['values.a'])
  expect((await phone.getDraft(id)).content.values).toEqual({ a: '3', b: '1' })
})

test('a save whose answer was lost is recognised on retry: the same content merges into what the first try stored', async () => {
  const id = newDraftId()
  await phone.putDraft(id, content({ note: '1' }), 0)
  const statuses: (number | string)[] = []
  const base = createFetchTransport()
  const flaky = r.client({
    transport: async (req) => {
      try {
        const res = await base(req)
        statuses.push(res.status)
        return res
      } catch (e) {
        statuses.push((e as { kind: string }).kind)
        // the first try was processed and its answer dropped; let the retry through
        r.platform.setFaults({ faults: [] })
        throw e
      }
    },
  })
  flaky.tokens.current = phone.tokens.current
  r.platform.setFaults({ faults: [{ route: 'PUT /drafts/*', dropRate: 1 }] })
  const saved: DraftRecord = await flaky.putDraft(id, content({ note: '2' }), 1)
  expect(statuses).toEqual(['offline', 200])
  expect(saved).toMatchObject({ version: 2, content: content({ note: '2' }) })
  expect((await phone.getDraft(id)).version).toBe(2)
})

test('creating twice with different content is a conflict, not an overwrite; the same content again is the same draft', async () => {
  const id = newDraftId()
  await phone.putDraft(id, content({ note: 'x' }), 0)
  await expect(phone.putDraft(id, content({ note: 'y' }), 0)).rejects.toMatchObject({ kind: 'conflict', conflicts: ['values.note'] })
  expect(await phone.putDraft(id, content({ note: 'x' }), 0)).toMatchObject({ version: 1 })
  expect((await phone.getDraft(id)).content.values.note).toBe('x')
})

test("another citizen cannot see, change or delete someone's draft: 404, and the draft is untouched", async () => {
  const id = newDraftId()
  await phone.putDraft(id, content({ note: 'mine' }), 0)
  const intruder = r.client()
  await intruder.loginWechat('dev-citizen-2')
  await expect(intruder.getDraft(id)).rejects.toMatchObject({ kind: 'not-found' })
  await expect(intruder.deleteDraft(id)).rejects.toMatchObject({ kind: 'not-found' })
  expect((await intruder.listDrafts()).map((d) => d.id)).not.toContain(id)
  // a write with the same id creates the intruder's own draft; it never touches the owner's
  await intruder.putDraft(id, content({ note: 'theirs' }), 0)
  expect((await phone.getDraft(id)).content.values.note).toBe('mine')
})

test('staff tokens cannot use citizen drafts (403)', async () => {
  const s = r.client()
  await s.loginStaff('staff01', 'Window@2026')
  await expect(s.listDrafts()).rejects.toMatchObject({ kind: 'forbidden', status: 403 })
})

test('wrong shapes are 400 with the path of each problem; unknown bundles 422', async () => {
  const token = phone.tokens.current!.accessToken
  const h = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }
  const bad = await raw(r.url, 'PUT', `/drafts/${newDraftId()}`, {
    headers: h,
    body: JSON.stringify({ content: { ...content(), templateVersion: 'one', answers: [] }, baseVersion: -1, place: { step: 'kitchen', at: 'soon' }, editedAt: 7 }),
  })
  expect(bad.status).toBe(400)
  expect(Object.keys(bad.json.error.fieldErrors).sort()).toEqual(['baseVersion', 'content.answers', 'content.templateVersion', 'editedAt', 'place.at', 'place.step'])
  const badId = await raw(r.url, 'PUT', '/drafts/../../etc', { headers: h, body: JSON.stringify({ content: content(), baseVersion: 0 }) })
  expect([400, 404]).toContain(badId.status)
  const unknown = await raw(r.url, 'PUT', `/drafts/${newDraftId()}`, { headers: h, body: JSON.stringify({ content: { ...content(), bundleId: 'nope' }, baseVersion: 0 }) })
  expect(unknown.status).toBe(422)
})
