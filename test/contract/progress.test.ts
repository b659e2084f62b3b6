// After submission: the simulated clock and the admin routes move cases on; 补正; 好差评 once; 红黄牌.
import fs from 'node:fs'
import path from 'node:path'
import type { BundleTemplate } from '@/domain/template/types'
import type { CaseRecord, MatterStatus } from '@/services/contract'
import { newDraftId, newIdempotencyKey, PlatformError } from '@/services/platform'
import { CATALOGUE, fillDraft, signIn, start, tmpDir, uploader, type Running, type TestClient } from './support/harness'

let r: Running
let c: TestClient
let admin: TestClient
let who: Awaited<ReturnType<typeof signIn>>
let t: BundleTemplate

// a bundle of our own with known shape: matter A (promised, with a 现场核查 step), matter B (即办件) after nothing,
// matter C (promised) after A; committed limit 5 working days
beforeAll(async () => {
  const source = JSON.parse(fs.readFileSync(path.join(CATALOGUE, 'bundles', 'kaiban-canyin.json'), 'utf8')) as BundleTemplate
  const [a, b, c3] = source.matters
  t = {
    ...source,
    id: 'progress-test',
    promisedLimitDays: 5,
    matters: [
      { ...a, id: 'A', appliesWhen: undefined, after: undefined, caseType: 'promised', steps: [{ name: '受理', limit: { value: 1, unit: 'workday' }, standard: '材料齐全' }, { name: '现场核查', limit: { value: 1, unit: 'workday' }, standard: '符合条件' }] },
      { ...b, id: 'B', appliesWhen: undefined, after: undefined, caseType: 'instant', legalLimitDays: 0, promisedLimitDays: 0, steps: [{ name: '当场办结', limit: { value: 1, unit: 'hour' }, standard: '材料齐全' }] },
      { ...(c3 ?? a), id: 'C', appliesWhen: undefined, after: ['A'], caseType: 'promised', steps: [{ name: '审查', limit: { value: 1, unit: 'workday' }, standard: '符合条件' }] },
    ],
  }
  // keep only materials and fields the three matters use, and stops/questions that still make sense
  const used = new Set(t.matters.flatMap((m) => m.materials.map((x) => x.ref)))
  const fields = new Set(t.matters.flatMap((m) => m.fields))
  t.materials = t.materials.filter((m) => used.has(m.id) && (!m.producedBy || t.matters.some((x) => x.id === m.producedBy)))
  t.matters = t.matters.map((m) => ({ ...m, materials: m.materials.filter((x) => t.materials.some((y) => y.id === x.ref)) }))
  t.fields = t.fields.filter((f) => fields.has(f.id))
  t.stops = []
  const dir = tmpDir('yjs-cat-')
  fs.mkdirSync(path.join(dir, 'bundles'))
  fs.writeFileSync(path.join(dir, 'bundles', 't.json'), JSON.stringify(t))
  r = await start({ catalogueDir: dir })
  expect((await r.client().listBundles()).map((x) => x.id)).toEqual(['progress-test'])
  c = r.client()
  who = await signIn(c, 'dev-no-licence')
  admin = r.client()
})
afterAll(() => r.stop())

async function submit(): Promise<CaseRecord> {
  const content = await fillDraft(t, { ...who, upload: uploader(c, t.id), prefer: ['upload', 'shared', 'promise'] })
  return c.submitCase({ draftId: newDraftId(), content }, newIdempotencyKey())
}

const statuses = (cs: CaseRecord) => Object.fromEntries(cs.matters.map((m) => [m.matterId, m.status])) as Record<string, MatterStatus>

test('the clock moves every matter through its statuses, deterministically, with timestamps on the timeline', async () => {
  const cs = await submit()
  expect(cs.dueDate).toBe('2026-12-03') // Thu + 5 working days
  expect(statuses(cs)).toEqual({ A: 'submitted', B: 'submitted', C: 'submitted' })
  await admin.admin.advanceClock({ hours: 1 })
  expect(statuses(await c.getCase(cs.id))).toEqual({ A: 'accepted', B: 'accepted', C: 'accepted' })
  await admin.admin.advanceClock({ hours: 1 })
  // the 即办件 is decided on the spot; the others go to review
  expect(statuses(await c.getCase(cs.id))).toEqual({ A: 'in-review', B: 'concluded', C: 'in-review' })
  await admin.admin.advanceClock({ hours: 24 })
  // A goes to its 现场核查; C waits for A although its own review time is over
  let now = await c.getCase(cs.id)
  expect(statuses(now)).toEqual({ A: 'site-check', B: 'delivered', C: 'in-review' })
  await admin.admin.advanceClock({ hours: 24 })
  now = await c.getCase(cs.id)
  expect(statuses(now)).toEqual({ A: 'concluded', B: 'delivered', C: 'concluded' })
  const a = now.matters.find((m) => m.matterId === 'A')!
  const cc = now.matters.find((m) => m.matterId === 'C')!
  expect(a.timeline.map((e) => e.status)).toEqual(['submitted', 'accepted', 'in-review', 'site-check', 'concluded'])
  expect(a.timeline.map((e) => e.at)).toEqual(['2026-11-26T02:00:00.000Z', '2026-11-26T03:00:00.000Z', '2026-11-26T04:00:00.000Z', '2026-11-27T04:00:00.000Z', '2026-11-28T04:00:00.000Z'])
  expect(a.outcome).toBe('approved')
  // C concluded the moment A did
  expect(cc.timeline.at(-1)).toEqual({ status: 'concluded', at: '2026-11-28T04:00:00.000Z', note: '已办结：准予许可' })
  expect(now.status).toBe('concluded')
  await admin.admin.advanceClock({ hours: 24 })
  expect((await c.getCase(cs.id)).status).toBe('delivered')
})

test('admin advance moves one matter one step now; a matter waiting for another cannot conclude first', async () => {
  const cs = await submit()
  const step = (matterId?: string, outcome?: 'approved' | 'refused') => admin.admin.advanceCase(cs.id, { matterId, outcome })
  await step('C')
  expect(statuses(await step('C'))).toMatchObject({ C: 'in-review' })
  const err = (await step('C').catch((e) => e)) as PlatformError
  expect(err).toMatchObject({ kind: 'conflict' })
  expect(err.message).toMatch(/需先办结/)
  for (let i = 0; i < 4; i++) await step('A', 'refused')
  const after = await step('C')
  expect(after.matters.find((m) => m.matterId === 'A')).toMatchObject({ status: 'concluded', outcome: 'refused' })
  expect(after.matters.find((m) => m.matterId === 'A')!.timeline.at(-1)!.note).toBe('已办结：不予许可')
  expect(statuses(after).C).toBe('concluded')
  await expect(admin.admin.advanceCase(cs.id, { matterId: 'nope' })).rejects.toMatchObject({ kind: 'not-found' })
})

test('补正: staff names fields and materials; the applicant resubmits only those; review resumes', async () => {
  const cs = await submit()
  await admin.admin.advanceClock({ hours: 2 })
  const field = t.fields.find((f) => !f.prefill && cs.content.values[f.id] !== undefined && ['text', 'textarea', 'address'].includes(f.type))!
  const material = Object.keys(cs.content.materials).find((id) => cs.content.materials[id].mode === 'upload')!
  const asked = await admin.admin.requestSupplement(cs.id, { message: '请补充清晰的材料', fields: [field.id], materials: [material] })
  expect(asked.status).toBe('supplement')
  expect(asked.supplement).toMatchObject({ message: '请补充清晰的材料', fields: [field.id], materials: [material] })
  // the clock does not move a case that waits for the applicant
  await admin.admin.advanceClock({ hours: 48 })
  expect((await c.getCase(cs.id)).status).toBe('supplement')
  await expect(admin.admin.advanceCase(cs.id)).rejects.toMatchObject({ kind: 'conflict' })
  await expect(admin.admin.requestSupplement(cs.id, { message: '再补一次', fields: [field.id] })).rejects.toMatchObject({ kind: 'conflict' })

  const fileId = await uploader(c, t.id)(material, t.materials.find((m) => m.id === material)!.upload!.accept)
  const key = newIdempotencyKey()
  // only what was asked may change; everything asked must come
  const extra = Object.keys(cs.content.values).find((k) => k !== field.id)!
  const tooMuch = (await c.submitSupplement(cs.id, { values: { [field.id]: '补正后的内容', [extra]: 'x' }, materials: { [material]: { mode: 'upload', fileIds: [fileId] } } }, key).catch((e) => e)) as PlatformError
  expect(tooMuch.fieldErrors).toEqual({ [extra]: '本次补正不需要修改这一项' })
  const missing = (await c.submitSupplement(cs.id, { values: { [field.id]: '补正后的内容' }, materials: {} }, newIdempotencyKey()).catch((e) => e)) as PlatformError
  expect(missing.materialErrors).toEqual({ [material]: '请按补正要求提交这份材料' })
  const done = await c.submitSupplement(cs.id, { values: { [field.id]: '补正后的内容' }, materials: { [material]: { mode: 'upload', fileIds: [fileId] } } }, key)
  expect(done.status).not.toBe('supplement')
  expect(done.content.values[field.id]).toBe('补正后的内容')
  expect(done.content.materials[material]).toEqual({ mode: 'upload', fileIds: [fileId] })
  expect(done.supplement?.resolvedAt).toBeTruthy()
  const touched = done.matters.filter((m) => m.timeline.some((e) => e.status === 'supplement'))
  expect(touched.length).toBeGreaterThan(0)
  for (const m of touched) expect(m.timeline.at(-1)).toMatchObject({ status: 'in-review', note: '申请人已补正，重新审查' })
  // a retry with the same key answers with the same case as it is now (the answer is not stored twice),
  // and the 补正 was applied once; no supplement is pending any more
  const again = await c.submitSupplement(cs.id, { values: { [field.id]: '补正后的内容' }, materials: { [material]: { mode: 'upload', fileIds: [fileId] } } }, key)
  expect(again).toEqual(await c.getCase(cs.id))
  expect(again).toMatchObject({ id: done.id, supplement: done.supplement, content: done.content })
  for (const m of again.matters) expect(m.timeline.filter((e) => e.note === '申请人已补正，重新审查').length).toBe(touched.some((x) => x.matterId === m.matterId) ? 1 : 0)
  await expect(c.submitSupplement(cs.id, { values: { [field.id]: 'y' }, materials: {} }, newIdempotencyKey())).rejects.toMatchObject({ kind: 'conflict', message: '该办件当前不需要补正' })
})

test('补正 asks only for items of the case', async () => {
  const cs = await submit()
  const err = (await admin.admin.requestSupplement(cs.id, { message: 'x', fields: ['no-such-field'] }).catch((e) => e)) as PlatformError
  expect(err.fieldErrors).toEqual({ 'no-such-field': '该办件没有这一项' })
  await expect(admin.admin.requestSupplement(cs.id, { message: 'x' })).rejects.toMatchObject({ kind: 'validation' })
})

test('好差评: only once concluded, once per case, levels and indicators 1..5', async () => {
  const cs = await submit()
  const rating = { level: 5, indicators: { efficiency: 5, guideAccuracy: 4, convenience: 5, usability: 4 }, comment: '一次办好，不用跑腿' }
  await expect(c.evaluateCase(cs.id, rating)).rejects.toMatchObject({ kind: 'conflict', message: '办件办结后才能评价' })
  await admin.admin.advanceClock({ workingDays: 3 })
  const bad = (await c.evaluateCase(cs.id, { ...rating, level: 6, indicators: { ...rating.indicators, usability: 0 } }).catch((e) => e)) as PlatformError
  expect(bad).toMatchObject({ kind: 'bad-request' })
  expect(Object.keys(bad.fieldErrors!).sort()).toEqual(['indicators.usability', 'level'])
  const e = await c.evaluateCase(cs.id, rating)
  expect(e).toMatchObject(rating)
  expect((await c.getCase(cs.id)).evaluation).toMatchObject({ level: 5 })
  await expect(c.evaluateCase(cs.id, { ...rating, level: 1 })).rejects.toMatchObject({ kind: 'conflict', message: '该办件已评价，每件只能评价一次' })
  const other = r.client()
  await other.loginWechat('dev-citizen-1')
  await expect(other.evaluateCase(cs.id, rating)).rejects.toMatchObject({ kind: 'not-found' })
})

test('红黄牌: on time, yellow near the due date, red once it has passed (working days)', async () => {
  const cs = await submit()
  expect(cs.deadline).toBe('on-time')
  // hold every matter in review by asking for a 补正 that is never answered
  await admin.admin.requestSupplement(cs.id, { message: '等待', fields: [t.fields.find((f) => cs.content.values[f.id] !== undefined && !f.prefill)!.id] })
  const due = cs.dueDate
  const clock = await admin.admin.getClock()
  const today = clock.now.slice(0, 10)
  expect(today < due).toBe(true)
  let seen: string[] = []
  for (let i = 0; i < 12; i++) {
    const now = await c.getCase(cs.id)
    seen.push(now.deadline)
    await admin.admin.advanceClock({ workingDays: 1 })
  }
  seen = [...new Set(seen)]
  expect(seen).toEqual(['on-time', 'yellow', 'red'])
})

test('the clock refuses nonsense', async () => {
  await expect(admin.admin.advanceClock({})).rejects.toMatchObject({ kind: 'bad-request' })
  await expect(admin.admin.advanceClock({ hours: -1 })).rejects.toMatchObject({ kind: 'bad-request' })
  await expect(admin.admin.advanceClock({ workingDays: 1.5 })).rejects.toMatchObject({ kind: 'bad-request' })
})
