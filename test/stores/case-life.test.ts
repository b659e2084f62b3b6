// Stores of the case's life with doubles: 补正 sent exactly once (one key per attempt, kept after a lost
// answer), validated by the form's rules; withdrawal, rating and payment refusals before anything is sent;
// messages read at once.
import { PlatformError } from '@/services/platform'
import { memoryStorage } from '@/services/storage'
import fs from 'node:fs'
import path from 'node:path'
import { createCaseStore } from '@/stores/cases'
import { createMessageStore } from '@/stores/messages'
import { createSupplementStore, type SupplementClient } from '@/stores/supplement'
import { caseMatter, caseRecord } from '../support/cases'

// the real template, as the platform serves it (the store parses it as the journey does)
const template = JSON.parse(fs.readFileSync(path.join(__dirname, '../../mock/catalogue/bundles/kaiban-canyin.json'), 'utf8')) as unknown

const pending = caseRecord({
  status: 'supplement',
  matters: [caseMatter({ status: 'supplement' })],
  supplement: { message: '请重新上传平面图', fields: ['applicant-mobile'], materials: ['layout'], requestedAt: '2026-11-27T02:00:00.000Z' },
  content: { ...caseRecord().content, values: { 'applicant-mobile': '13807310001' } },
})

function setup(over: Partial<SupplementClient> = {}) {
  const client: SupplementClient = {
    getCase: jest.fn(async () => pending),
    getBundle: jest.fn(async () => template),
    uploadFile: jest.fn(async () => ({ fileId: 'f-1', name: '平面图.pdf', size: 10, type: 'pdf' as const, bundleId: 'kaiban-canyin', materialId: 'layout', uploadedAt: '' })),
    submitSupplement: jest.fn(async () => caseRecord()),
    ...over,
  }
  let k = 0
  const store = createSupplementStore({ client, picker: async () => [{ name: '平面图.pdf', size: 10, mime: 'application/pdf' }], newKey: () => `key-${++k}` })
  return { client, store }
}

test('补正: only the named items, prefilled with what was sent; the form rules at the field; exactly once', async () => {
  const { client, store } = setup()
  await store.getState().open(pending.id)
  const f = store.getState().forms[pending.id]
  expect(f.fields.map((x) => x.id)).toEqual(['applicant-mobile'])
  expect(f.values).toEqual({ 'applicant-mobile': '13807310001' })
  store.getState().setValue(pending.id, 'applicant-mobile', '1380731')
  expect(await store.getState().submit(pending.id, '2026-11-27')).toBeUndefined()
  expect(store.getState().forms[pending.id].fieldErrors['applicant-mobile']).toBe('手机号码应为11位，当前为7位')
  expect(store.getState().forms[pending.id].materialErrors.layout).toBe('请重新上传经营场所平面布局图和设备布局、卫生设施示意图')
  expect(client.submitSupplement).not.toHaveBeenCalled()
  store.getState().setValue(pending.id, 'applicant-mobile', '13807310009')
  await store.getState().pick(pending.id, 'layout')
  expect(store.getState().forms[pending.id].files.layout).toEqual([{ name: '平面图.pdf', status: 'done', fileId: 'f-1' }])
  // two taps: one request
  const [a, b] = await Promise.all([store.getState().submit(pending.id, '2026-11-27'), store.getState().submit(pending.id, '2026-11-27')])
  expect(a).toBeDefined()
  expect(b).toBeUndefined()
  expect(client.submitSupplement).toHaveBeenCalledTimes(1)
  expect(client.submitSupplement).toHaveBeenCalledWith(pending.id, { values: { 'applicant-mobile': '13807310009' }, materials: { layout: { mode: 'upload', fileIds: ['f-1'] } } }, 'key-1')
  expect(store.getState().forms[pending.id].status).toBe('sent')
})

test('补正: a lost answer keeps the key, so the retry is the same request; a refusal drops it', async () => {
  const submitSupplement = jest
    .fn()
    .mockRejectedValueOnce(new PlatformError({ kind: 'timeout', message: '网络超时' }))
    .mockRejectedValueOnce(new PlatformError({ kind: 'validation', message: '有误', fieldErrors: { 'applicant-mobile': '号码已停用' } }))
    .mockResolvedValueOnce(caseRecord())
  const { store } = setup({ submitSupplement })
  await store.getState().open(pending.id)
  await store.getState().pick(pending.id, 'layout')
  await store.getState().submit(pending.id, '2026-11-27')
  expect(store.getState().forms[pending.id].submitError).toMatch(/不会重复提交/)
  await store.getState().submit(pending.id, '2026-11-27')
  expect(store.getState().forms[pending.id].fieldErrors).toEqual({ 'applicant-mobile': '号码已停用' })
  await store.getState().submit(pending.id, '2026-11-27')
  expect(submitSupplement.mock.calls.map((c) => c[2])).toEqual(['key-1', 'key-1', 'key-2'])
})

test('a case with no pending 补正 says so', async () => {
  const { store } = setup({ getCase: jest.fn(async () => caseRecord()) })
  await store.getState().open('HN2026112600001')
  expect(store.getState().forms.HN2026112600001).toMatchObject({ status: 'error', error: '该办件当前不需要补正' })
})

test('withdrawal, rating and payment: the rulebook refuses before sending; results are kept', async () => {
  const decided = caseRecord({ matters: [caseMatter({ status: 'concluded', outcome: 'approved' })] })
  const client = {
    getCase: jest.fn(async () => decided),
    listCases: jest.fn(async () => [decided]),
    withdrawCase: jest.fn(),
    evaluateCase: jest.fn(async () => ({ level: 5 as const, indicators: [], at: '' })),
    createPayment: jest.fn(async () => {
      throw new PlatformError({ kind: 'conflict', message: '该事项不收费' })
    }),
  }
  const cases = createCaseStore({ client, storage: memoryStorage() })
  await cases.getState().loadAll()
  expect(await cases.getState().withdraw(decided.id)).toEqual({ ok: false, message: '已有事项作出决定，不能撤回申请' })
  expect(client.withdrawCase).not.toHaveBeenCalled()
  expect(await cases.getState().rate(decided.id, { level: 1, indicators: [] })).toMatchObject({ ok: false, fieldErrors: { indicators: '选择“非常不满意”时，请至少选择一项不满意的方面' } })
  expect(client.evaluateCase).not.toHaveBeenCalled()
  expect(await cases.getState().rate(decided.id, { level: 5, indicators: [] })).toEqual({ ok: true })
  expect(client.evaluateCase).toHaveBeenCalledWith(decided.id, { level: 5, indicators: [] })
  expect(await cases.getState().order(decided.id, 'food', 'h5')).toEqual({ ok: false, message: '该事项不收费' })
})

test('an account with no cases is told so once the list arrives (not 正在加载 for ever); a failed list is not "listed"; sign-out forgets', async () => {
  const listCases = jest.fn(async () => [] as ReturnType<typeof caseRecord>[])
  const cases = createCaseStore({ client: { listCases, getCase: jest.fn() }, storage: memoryStorage() })
  expect(cases.getState().listed).toBeFalsy()
  listCases.mockRejectedValueOnce(new PlatformError({ kind: 'offline', message: '网络不可用' }))
  await cases.getState().loadAll()
  expect(cases.getState().listed).toBeFalsy()
  expect(cases.getState().listError).toBe('网络不可用')
  await cases.getState().loadAll()
  expect(cases.getState()).toMatchObject({ listed: true, listError: undefined, cases: {} })
  cases.getState().reset()
  expect(cases.getState().listed).toBe(false)
})

test('messages: opening one marks it read at once; all read; the count follows', async () => {
  const client = {
    listMessages: jest.fn(async () => ({
      messages: [
        { id: 'm1', caseId: 'C', kind: 'accepted' as const, title: 't', body: 'b', at: '', read: false },
        { id: 'm2', caseId: 'C', kind: 'supplement' as const, title: 't', body: 'b', at: '', read: false },
      ],
      unread: 2,
    })),
    markMessagesRead: jest.fn(async () => ({ ok: true as const })),
    subscribe: jest.fn(async () => ({ credits: {} })),
  }
  const messages = createMessageStore(client)
  await messages.getState().load()
  expect(messages.getState().unread).toBe(2)
  await messages.getState().markRead(['m1'])
  expect(messages.getState().unread).toBe(1)
  expect(client.markMessagesRead).toHaveBeenCalledWith(['m1'])
  await messages.getState().markRead()
  expect(messages.getState().unread).toBe(0)
  await messages.getState().subscribe({ 'sample-tmpl-accepted-0001': 'accept', 'someone-else': 'accept', errMsg: 'requestSubscribeMessage:ok' })
  expect(client.subscribe).toHaveBeenCalledWith({ answers: { 'sample-tmpl-accepted-0001': 'accept' } })
})

test('a refresh of cases the device keeps waits for the first paint; a first load (nothing kept) goes at once', async () => {
  const rec = caseRecord()
  const listCases = jest.fn(async () => [rec])
  const getCase = jest.fn(async () => rec)
  let painted!: () => void
  const paint = new Promise<void>((resolve) => (painted = resolve))
  const cases = createCaseStore({ client: { listCases, getCase }, storage: memoryStorage(), afterFirstPaint: () => paint })
  await cases.getState().loadAll()
  expect(listCases).toHaveBeenCalledTimes(1)
  const refreshing = [cases.getState().loadAll(), cases.getState().load(rec.id)]
  await Promise.resolve()
  expect(listCases).toHaveBeenCalledTimes(1)
  expect(getCase).not.toHaveBeenCalled()
  painted()
  await Promise.all(refreshing)
  expect(listCases).toHaveBeenCalledTimes(2)
  expect(getCase).toHaveBeenCalledWith(rec.id)
})
