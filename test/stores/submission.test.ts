jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }))
import type { CaseRecord } from '@/services/contract'
import { PlatformError } from '@/services/platform'
import { memoryStorage } from '@/services/storage'
import { createCaseStore, CASES_KEY } from '@/stores/cases'
import { createDraftStore, DRAFTS_KEY } from '@/stores/draft'
import { readDrafts } from '@/stores/draft-read'
import { createSubmissionStore, faultsInOrder, type SubmitClient } from '@/stores/submission'
import type { Guidance } from '@/domain'
import { caseRecord } from '../support/cases'

const input = { bundleId: 'test-shop', templateVersion: 3, region: '430100', applicantKind: 'person' as const }

function caseOf(id: string, draftId: string): CaseRecord {
  return caseRecord({ id, draftId, bundleId: 'test-shop', templateVersion: 3, region: '430100', matters: [], content: { ...input, answers: {}, values: { idNo: '430102199003071234' }, materials: {} } })
}

function setup(client: Partial<SubmitClient>) {
  const storage = memoryStorage()
  const drafts = createDraftStore({ read: readDrafts, storage, newId: () => 'draft-0001' })
  const cases = createCaseStore({ client: { getCase: jest.fn(), listCases: jest.fn() }, storage })
  let k = 0
  const sub = createSubmissionStore({ client: client as SubmitClient, drafts, cases, newKey: () => `key-${++k}` })
  const id = drafts.getState().start(input)
  drafts.getState().setValue(id, 'shopName', '湘味小馆')
  return { storage, drafts, cases, sub, id }
}

test('the key is written to the draft before the request leaves, and a double tap sends one request', async () => {
  let release!: (c: CaseRecord) => void
  const submitCase = jest.fn(() => new Promise<CaseRecord>((r) => (release = r)))
  const { sub, id, drafts, storage } = setup({ submitCase })
  const a = sub.getState().submit(id)
  const b = sub.getState().submit(id)
  expect(submitCase).toHaveBeenCalledTimes(1)
  expect(sub.getState().byDraft[id].phase).toBe('sending')
  // persisted: a restart now would reuse the same key
  const saved = JSON.parse(storage.getItem(DRAFTS_KEY) as string)
  expect(saved.state.drafts[id].pending.idempotencyKey).toBe('key-1')
  expect(submitCase.mock.calls[0]).toEqual([expect.objectContaining({ draftId: id }), 'key-1'])
  release(caseOf('HN2026112600001', id))
  expect(await a).toEqual({ phase: 'done', caseId: 'HN2026112600001' })
  expect(await b).toEqual(await a)
  const d = drafts.getState().drafts[id]
  expect(d.status).toBe('submitted')
  expect(d.caseId).toBe('HN2026112600001')
  expect(d.pending).toBeUndefined()
})

test('offline and 5xx keep the key and the draft; the retry reuses the key', async () => {
  const submitCase = jest
    .fn()
    .mockRejectedValueOnce(new PlatformError({ kind: 'offline', message: 'x' }))
    .mockRejectedValueOnce(new PlatformError({ kind: 'server', status: 503, message: 'x' }))
    .mockResolvedValueOnce(caseOf('HN2026112600002', 'draft-0001'))
  const { sub, id, drafts } = setup({ submitCase })
  const first = await sub.getState().submit(id)
  expect(first.phase).toBe('failed')
  expect(first.retryable).toBe(true)
  expect(first.message).toMatch(/网络连接不可用.*不会重复提交/)
  expect(drafts.getState().drafts[id].status).toBe('open')
  expect(drafts.getState().drafts[id].content.values.shopName).toBe('湘味小馆')
  const second = await sub.getState().submit(id)
  expect(second.message).toMatch(/平台暂时繁忙/)
  await sub.getState().submit(id)
  expect(submitCase.mock.calls.map((c) => c[1])).toEqual(['key-1', 'key-1', 'key-1'])
  expect(drafts.getState().drafts[id].caseId).toBe('HN2026112600002')
})

test('a key that survived a restart is used by the new app instance', async () => {
  const submitCase = jest.fn().mockRejectedValueOnce(new PlatformError({ kind: 'timeout', message: 'x' }))
  const { sub, id, storage } = setup({ submitCase })
  await sub.getState().submit(id)
  // the app is killed and started again
  const drafts2 = createDraftStore({ read: readDrafts, storage })
  const cases2 = createCaseStore({ client: { getCase: jest.fn(), listCases: jest.fn() }, storage })
  const submit2 = jest.fn().mockResolvedValue(caseOf('HN2026112600003', id))
  const sub2 = createSubmissionStore({ client: { submitCase: submit2, getCase: jest.fn() }, drafts: drafts2, cases: cases2, newKey: () => 'other' })
  await sub2.getState().submit(id)
  expect(submit2.mock.calls[0][1]).toBe('key-1')
})

test('a field refusal drops the key, keeps every answer, and lists the faults in journey order', async () => {
  const submitCase = jest.fn().mockRejectedValue(new PlatformError({ kind: 'validation', status: 422, message: '填写的内容有误', fieldErrors: { b: '乙有误', a: '甲有误' }, materialErrors: { m1: '缺少' } }))
  const { sub, id, drafts } = setup({ submitCase })
  const r = await sub.getState().submit(id)
  expect(r.phase).toBe('rejected')
  expect(drafts.getState().drafts[id].pending).toBeUndefined()
  expect(drafts.getState().drafts[id].content.values).toEqual({ shopName: '湘味小馆' })
  const g = { questions: { visible: [] }, fields: { all: [{ id: 'a' }, { id: 'b' }] }, materials: [{ id: 'm1' }] } as unknown as Guidance
  expect(faultsInOrder(r.errors!, g).map((f) => [f.place.step, f.id])).toEqual([
    ['form', 'a'],
    ['form', 'b'],
    ['materials', 'm1'],
  ])
  sub.getState().clearFieldError(id, 'a')
  expect(sub.getState().byDraft[id].errors?.fieldErrors).toEqual({ b: '乙有误' })
  // a fresh key for the corrected content
  submitCase.mockResolvedValueOnce(caseOf('HN2026112600004', id))
  await sub.getState().submit(id)
  expect(submitCase.mock.calls.map((c) => c[1])).toEqual(['key-1', 'key-2'])
})

test('a draft that already became a case shows that case instead of failing', async () => {
  const submitCase = jest.fn().mockRejectedValue(new PlatformError({ kind: 'conflict', status: 409, message: '该草稿已提交', caseId: 'HN2026112600005' }))
  const getCase = jest.fn().mockResolvedValue(caseOf('HN2026112600005', 'draft-0001'))
  const { sub, id, cases, storage } = setup({ submitCase, getCase })
  expect(await sub.getState().submit(id)).toEqual({ phase: 'done', caseId: 'HN2026112600005' })
  expect(cases.getState().cases.HN2026112600005.bundleName).toBe('开办餐饮店')
  // the kept copy leaves the submitted content (ID numbers) with the platform
  expect(storage.getItem(CASES_KEY)).not.toContain('430102199003071234')
})

test('content changed after a lost answer: a fresh key, and the platform answers with the one case', async () => {
  const submitCase = jest
    .fn()
    .mockRejectedValueOnce(new PlatformError({ kind: 'bad-request', status: 422, code: 'IDEMPOTENCY_MISMATCH', message: 'x' }))
    .mockRejectedValueOnce(new PlatformError({ kind: 'conflict', status: 409, message: 'x', caseId: 'HN2026112600006' }))
  const getCase = jest.fn().mockRejectedValue(new PlatformError({ kind: 'offline', message: 'x' }))
  const { sub, id, drafts } = setup({ submitCase, getCase })
  drafts.getState().setPending(id, { idempotencyKey: 'old', startedAt: 'x', templateVersion: 3 })
  expect(await sub.getState().submit(id)).toEqual({ phase: 'done', caseId: 'HN2026112600006' })
  expect(submitCase.mock.calls.map((c) => c[1])).toEqual(['old', 'key-1'])
})

test('signed out: the message says so and the draft stays', async () => {
  const submitCase = jest.fn().mockRejectedValue(new PlatformError({ kind: 'unauthorized', status: 401, message: 'x' }))
  const { sub, id, drafts } = setup({ submitCase })
  const r = await sub.getState().submit(id)
  expect(r).toMatchObject({ phase: 'failed', retryable: false })
  expect(r.message).toMatch(/重新登录/)
  expect(drafts.getState().drafts[id].status).toBe('open')
})
