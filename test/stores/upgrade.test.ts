import { templateOrMessage } from '@/domain/template/schema'
// A guide template republished while the citizen was filing: the plan (what carries forward, what is
// dropped and why, what is still needed), carrying the draft forward, the newest-version check, and the
// submission store asking the citizen to confirm before anything is sent.
import { guide, type BundleTemplate, type GuidanceContext, type PrefillData } from '@/domain'
import type { CaseRecord } from '@/services/contract'
import { PlatformError } from '@/services/platform'
import { memoryStorage } from '@/services/storage'
import { createCaseStore } from '@/stores/cases'
import { createCatalogueStore, type CatalogueClient } from '@/stores/catalogue'
import { createDraftStore, type DraftStore } from '@/stores/draft'
import { readDrafts } from '@/stores/draft-read'
import { createSubmissionStore, type SubmitClient } from '@/stores/submission'
import { applyUpgrade, createUpgradeCheck, planUpgrade } from '@/stores/upgrade'
import { NOW, template as v3 } from '../components/fixtures'

const ctx: GuidanceContext = { region: '430100', applicantKind: 'person', licences: ['idCard'], now: NOW }
const prefill: PrefillData = { profile: { name: '张三', idNumber: '430102199003071234' } }

/** v3 with a change made by `edit`, as version 4 */
function v4(edit: (t: BundleTemplate) => void): BundleTemplate {
  const t = JSON.parse(JSON.stringify(v3)) as BundleTemplate
  t.version = 4
  edit(t)
  return t
}

/** v4: the optional 电子邮箱 field and the 平面布局图 material are withdrawn; nothing new is asked */
const v4Smaller = v4((t) => {
  t.fields = t.fields.filter((f) => f.id !== 'email')
  t.materials = t.materials.filter((m) => m.id !== 'floorPlan')
  for (const m of t.matters) {
    m.fields = m.fields.filter((f) => f !== 'email')
    m.materials = m.materials.filter((r) => r.ref !== 'floorPlan')
  }
})

/** v4: a new question to answer, and the 租赁合同 may no longer be promised (告知承诺 withdrawn) */
const v4Asks = v4((t) => {
  t.questions.push({ id: 'seats', kind: 'yesno', text: '店里设不设堂食座位？' })
  delete t.materials.find((m) => m.id === 'lease')!.promise
})

function completeDraft(drafts: DraftStore): string {
  const id = drafts.getState().start({ bundleId: v3.id, templateVersion: 3, region: '430100', applicantKind: 'person' })
  const s = drafts.getState()
  for (const [q, v] of Object.entries({ tobacco: false, area: 80, menu: ['cold'], site: 'shop' })) s.setAnswer(id, q, v)
  s.setValue(id, 'mobile', '13812345678')
  s.setValue(id, 'shopName', '湘味小馆')
  s.setValue(id, 'email', 'zhang@example.com')
  s.setValue(id, 'kind', 'a')
  s.setMaterial(id, 'idCard', { mode: 'licence' })
  s.setMaterial(id, 'lease', { mode: 'promise', agreedAt: NOW })
  s.addFile(id, 'floorPlan', 'f-plan', { name: '平面图.pdf', size: 1000, type: 'pdf', uploadedAt: NOW })
  s.setDelivery(id, { method: 'electronic' })
  s.setHandling(id, 'online')
  return id
}

function setup() {
  let t = 0
  const storage = memoryStorage()
  const drafts = createDraftStore({ read: readDrafts, storage, now: () => new Date(Date.parse(NOW) + 1000 * t++).toISOString(), newId: () => 'draft-0001' })
  const id = completeDraft(drafts)
  return { storage, drafts, id }
}

test('the draft on v3 is complete (the tests below start from a draft that could be submitted)', () => {
  const { drafts, id } = setup()
  const g = guide(v3, drafts.getState().drafts[id].content, ctx, prefill)
  expect(g.journey.find((s) => s.id === 'review')?.canVisit).toBe(true)
})

test('no plan when the newest version is not newer', () => {
  const { drafts, id } = setup()
  const d = drafts.getState().drafts[id]
  expect(planUpgrade(d, v3, v3, ctx, prefill)).toBeUndefined()
  expect(planUpgrade(d, v3, { ...v3, version: 2 }, ctx, prefill)).toBeUndefined()
})

test('a plan names what is dropped (labels from the old version) and needs nothing more when the draft still fits', () => {
  const { drafts, id } = setup()
  const plan = planUpgrade(drafts.getState().drafts[id], v3, v4Smaller, ctx, prefill)!
  expect(plan).toMatchObject({ fromVersion: 3, toVersion: 4, bundleName: '开办测试小店', needed: [], resumeAt: undefined, mattersAdded: [], mattersRemoved: [] })
  expect(plan.dropped).toEqual([
    { kind: 'value', id: 'email', label: '电子邮箱', reason: '表单已不再需要该项' },
    { kind: 'material', id: 'floorPlan', label: '平面布局图', reason: '已不再需要该材料' },
  ])
  expect(plan.content.templateVersion).toBe(4)
  expect(plan.content.values).toEqual({ mobile: '13812345678', shopName: '湘味小馆', kind: 'a' })
  expect(plan.summaryAfter).not.toBe(plan.summaryBefore)
  expect(plan.summaryAfter).toMatch(/需准备 \d+ 份材料/)
})

test('a plan lists what the new version still needs and where to continue', () => {
  const { drafts, id } = setup()
  const plan = planUpgrade(drafts.getState().drafts[id], v3, v4Asks, ctx, prefill)!
  expect(plan.dropped).toEqual([{ kind: 'material', id: 'lease', label: '租赁合同', reason: '该材料已不能以“告知承诺”方式提交，请重新选择' }])
  expect(plan.needed).toEqual(expect.arrayContaining(['店里设不设堂食座位？', '租赁合同']))
  expect(plan.resumeAt).toEqual({ step: 'questions', questionId: 'seats' })
  // matters switched on or off by the new version are named
  const withTobacco = v4((t) => {
    t.matters.find((m) => m.id === 'tobacco')!.appliesWhen = { '==': [{ var: 'area' }, 80] }
    t.matters = t.matters.filter((m) => m.id !== 'fire')
  })
  expect(planUpgrade(drafts.getState().drafts[id], v3, withTobacco, ctx, prefill)).toMatchObject({ mattersAdded: ['烟草专卖零售许可'], mattersRemoved: [] })
})

test('carrying forward replaces the content, drops the names of files of a dropped material, and refuses a stale plan', () => {
  const { drafts, id } = setup()
  const plan = planUpgrade(drafts.getState().drafts[id], v3, v4Smaller, ctx, prefill)!
  // the citizen typed something after the plan was shown: the plan is stale
  drafts.getState().setValue(id, 'shopName', '湘味小馆二店')
  expect(applyUpgrade(drafts, plan)).toBe(false)
  expect(drafts.getState().drafts[id].content.templateVersion).toBe(3)

  const fresh = planUpgrade(drafts.getState().drafts[id], v3, v4Smaller, ctx, prefill)!
  expect(applyUpgrade(drafts, fresh)).toBe(true)
  const d = drafts.getState().drafts[id]
  expect(d.content.templateVersion).toBe(4)
  expect(d.content.values.shopName).toBe('湘味小馆二店')
  expect(d.content.materials.floorPlan).toBeUndefined()
  expect(d.files['f-plan']).toBeUndefined()
  expect(d.status).toBe('open')
})

test('a draft with a submission under way is not carried forward: that submission is settled first', () => {
  const { drafts, id } = setup()
  const plan = planUpgrade(drafts.getState().drafts[id], v3, v4Smaller, ctx, prefill)!
  drafts.getState().setPending(id, { idempotencyKey: 'k', startedAt: NOW, templateVersion: 3 })
  expect(applyUpgrade(drafts, plan)).toBe(false)
  expect(drafts.getState().drafts[id].content.templateVersion).toBe(3)
})

function catalogueWith(latest: BundleTemplate | Error) {
  const getBundle = jest.fn(async (_bundleId: string, version?: number) => {
    if (version === undefined) {
      if (latest instanceof Error) throw latest
      return latest
    }
    return version === 3 ? v3 : (latest as BundleTemplate)
  })
  return { store: createCatalogueStore({ getBundle, listBundles: jest.fn(), listRegions: jest.fn() } as unknown as CatalogueClient, templateOrMessage), getBundle }
}

test('the check asks for the newest version and plans with the old one; nothing when offline, newer-less or pending', async () => {
  const { drafts, id } = setup()
  const context = () => ({ ctx, prefill })
  const { store, getBundle } = catalogueWith(v4Smaller)
  const check = createUpgradeCheck({ drafts, catalogue: store, context })
  const plan = await check(id)
  expect(getBundle.mock.calls).toEqual([[v3.id, undefined], [v3.id, 3]])
  expect(plan?.toVersion).toBe(4)

  expect(await createUpgradeCheck({ drafts, catalogue: catalogueWith(v3).store, context })(id)).toBeUndefined()
  expect(await createUpgradeCheck({ drafts, catalogue: catalogueWith(new PlatformError({ kind: 'offline', message: 'x' })).store, context })(id)).toBeUndefined()
  drafts.getState().setPending(id, { idempotencyKey: 'k', startedAt: NOW, templateVersion: 3 })
  const untouched = catalogueWith(v4Smaller)
  expect(await createUpgradeCheck({ drafts, catalogue: untouched.store, context })(id)).toBeUndefined()
  expect(untouched.getBundle).not.toHaveBeenCalled()
})

function caseFor(content: CaseRecord['content']): CaseRecord {
  return {
    id: 'HN2026112600001',
    bundleId: v3.id,
    bundleName: v3.name,
    templateVersion: content.templateVersion,
    draftId: 'draft-0001',
    region: '430100',
    applicantKind: 'person',
    applicantName: '张*',
    status: 'submitted',
    submittedAt: NOW,
    dueDate: '2026-12-03',
    committedDays: 5,
    limit: { value: 5, unit: 'workday' },
    deadline: 'on-time',
    matters: [],
    content,
    guidance: { matterIds: [], departments: [], fieldCount: 3, materialCount: 1, visits: 0, workingDays: 5, estimated: false },
  }
}

function submissionWith(latest: BundleTemplate) {
  const s = setup()
  const submitCase = jest.fn(async (body: { content: CaseRecord['content'] }, _key: string) => caseFor(body.content))
  const { store } = catalogueWith(latest)
  const checkUpgrade = createUpgradeCheck({ drafts: s.drafts, catalogue: store, context: () => ({ ctx, prefill }) })
  const cases = createCaseStore({ client: { getCase: jest.fn(), listCases: jest.fn() }, storage: s.storage })
  const sub = createSubmissionStore({ client: { submitCase, getCase: jest.fn() } as unknown as SubmitClient, drafts: s.drafts, cases, checkUpgrade, newKey: () => 'key-1' })
  return { ...s, sub, submitCase }
}

test('submit: a newer version is shown first and nothing is sent; once confirmed the draft moves and is submitted on it', async () => {
  const { sub, submitCase, drafts, id } = submissionWith(v4Smaller)
  const shown = await sub.getState().submit(id)
  expect(shown.phase).toBe('changed')
  expect(shown.upgrade?.dropped.map((x) => x.label)).toEqual(['电子邮箱', '平面布局图'])
  expect(submitCase).not.toHaveBeenCalled()
  expect(drafts.getState().drafts[id].pending).toBeUndefined()
  expect(drafts.getState().drafts[id].content.templateVersion).toBe(3)

  const done = await sub.getState().confirmUpgrade(id)
  expect(done).toEqual({ phase: 'done', caseId: 'HN2026112600001' })
  expect(submitCase).toHaveBeenCalledTimes(1)
  expect(submitCase.mock.calls[0][0].content).toMatchObject({ templateVersion: 4, values: { shopName: '湘味小馆' } })
  expect(submitCase.mock.calls[0][0].content.values.email).toBeUndefined()
})

test('submit: when the new version needs more, confirming moves the draft and names the step to continue at', async () => {
  const { sub, submitCase, drafts, id } = submissionWith(v4Asks)
  expect((await sub.getState().submit(id)).phase).toBe('changed')
  const r = await sub.getState().confirmUpgrade(id)
  expect(r).toEqual({ phase: 'idle', resumeAt: { step: 'questions', questionId: 'seats' } })
  expect(submitCase).not.toHaveBeenCalled()
  expect(drafts.getState().drafts[id].content.templateVersion).toBe(4)
  expect(drafts.getState().drafts[id].content.materials.lease).toBeUndefined()
})

test('submit: an unconfirmed earlier attempt is repeated as it was, without asking about versions', async () => {
  const { sub, submitCase, drafts, id } = submissionWith(v4Smaller)
  drafts.getState().setPending(id, { idempotencyKey: 'earlier', startedAt: NOW, templateVersion: 3 })
  expect((await sub.getState().submit(id)).phase).toBe('done')
  expect(submitCase.mock.calls[0][1]).toBe('earlier')
  expect(submitCase.mock.calls[0][0].content.templateVersion).toBe(3)
})

test('submit: a failing version check does not stop the submission (the draft’s version is still valid)', async () => {
  const s = setup()
  const submitCase = jest.fn(async (body: { content: CaseRecord['content'] }) => caseFor(body.content))
  const cases = createCaseStore({ client: { getCase: jest.fn(), listCases: jest.fn() }, storage: s.storage })
  const checkUpgrade = jest.fn(async () => {
    throw new Error('boom')
  })
  const sub = createSubmissionStore({ client: { submitCase, getCase: jest.fn() } as unknown as SubmitClient, drafts: s.drafts, cases, checkUpgrade })
  expect((await sub.getState().submit(s.id)).phase).toBe('done')
  expect(checkUpgrade).toHaveBeenCalledWith(s.id)
})
