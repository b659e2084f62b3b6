// 在线咨询's stores against the real mock platform: the question is checked at the field before anything is
// sent and kept as typed (across a reload, for this person only); a send whose answer was lost is sent again,
// after a reload too, with the same key — one question on the platform; the window's desk answers with the
// rulebook's words at the field.
import { createFetchTransport } from '@/services/http/fetch-transport'
import { createConsultClient } from '@/services/platform/consult'
import { memoryStorage } from '@/services/storage'
import { CONSULT_DRAFT_KEY, createConsultDeskStore, createConsultStore } from '@/stores/consult'
import { makeClient, start, type Running } from '../contract/support/harness'

let r: Running
afterAll(() => r?.stop())
beforeAll(async () => {
  r = await start()
})

function client() {
  const calls: string[] = []
  const transport = createFetchTransport()
  const c = makeClient(r.url, {
    transport: (req) => {
      calls.push(`${req.method} ${req.url.replace(/^.*\/api\/v1/, '')}`)
      return transport(req)
    },
    retry: { attempts: 1 },
    timeoutMs: 2000,
  })
  return { c, consult: createConsultClient(c), calls }
}

test('bad input is refused at the field without a request; the text is kept, across a reload, for this person only', async () => {
  const { c, consult, calls } = client()
  const me = await c.loginWechat('dev-citizen-2')
  const storage = memoryStorage()
  const store = createConsultStore({ client: consult, storage })
  store.getState().open(me.profile.userId)
  calls.length = 0
  expect(await store.getState().ask()).toBeUndefined()
  expect(store.getState().fieldErrors).toEqual({ bundleId: '请选择要咨询的事项', question: '请填写咨询内容' })
  store.getState().edit({ bundleId: 'kaiban-canyin', text: '怎么办' })
  expect(store.getState().fieldErrors).toEqual({})
  expect(await store.getState().ask()).toBeUndefined()
  expect(store.getState().fieldErrors).toEqual({ question: '咨询内容太短了，请至少写 5 个字' })
  expect(calls).toEqual([])
  expect(store.getState().draft.text).toBe('怎么办')

  // a reload: the same person finds what they typed; another person on the device does not
  const reloaded = createConsultStore({ client: consult, storage })
  reloaded.getState().open(me.profile.userId)
  expect(reloaded.getState().draft).toMatchObject({ bundleId: 'kaiban-canyin', text: '怎么办' })
  const other = createConsultStore({ client: consult, storage })
  other.getState().open('u-someone-else')
  expect(other.getState().draft.text).toBe('')
  // a guide's link chooses its bundle and keeps the text
  reloaded.getState().open(me.profile.userId, 'xinshenger')
  expect(reloaded.getState().draft).toMatchObject({ bundleId: 'xinshenger', text: '怎么办' })
})

test('an answer lost on the way: the text stays, and sending again after a reload is the same question', async () => {
  const { c, consult } = client()
  const me = await c.loginWechat('dev-citizen-1')
  const storage = memoryStorage()
  const store = createConsultStore({ client: consult, storage })
  store.getState().open(me.profile.userId, 'kaiban-canyin')
  store.getState().edit({ text: '健康证要每个员工都办吗？' })
  r.platform.setFaults({ faults: [{ route: 'POST /consultations', dropRate: 1 }] })
  expect(await store.getState().ask()).toBeUndefined()
  r.platform.setFaults({ faults: [] })
  expect(store.getState().error).toMatch(/您写的内容已保存，可稍后再提交。$/)
  const key = store.getState().draft.idempotencyKey
  expect(key).toBeTruthy()
  expect(JSON.parse(storage.getItem(CONSULT_DRAFT_KEY)!)).toMatchObject({ text: '健康证要每个员工都办吗？', idempotencyKey: key })

  const reloaded = createConsultStore({ client: consult, storage })
  reloaded.getState().open(me.profile.userId)
  const q = await reloaded.getState().ask()
  expect(q).toMatchObject({ question: '健康证要每个员工都办吗？', status: 'open', dueDate: '2026-12-03' })
  // the platform had stored it the first time: still one question
  expect((await consult.listQuestions()).filter((x) => x.question === '健康证要每个员工都办吗？')).toHaveLength(1)
  expect(reloaded.getState().draft.text).toBe('')
  expect(storage.getItem(CONSULT_DRAFT_KEY)).toBeNull()
  expect(reloaded.getState().questions.map((x) => x.id)).toEqual([q!.id])
  await reloaded.getState().loadOne(q!.id)
  expect(reloaded.getState().current).toEqual(q)
})

test('at start-up the list read while saved tokens are checked stays when the person becomes known; another person’s does not', async () => {
  const { c, consult } = client()
  const me = await c.loginWechat('dev-father')
  await consult.askQuestion({ bundleId: 'kaiban-canyin', question: '店面需要消防验收吗？' }, 'key-consult-startup-0001')
  const store = createConsultStore({ client: consult, storage: memoryStorage() })
  // the page reads 我的咨询 with the saved token before the profile (and so the person) is known
  await store.getState().load()
  store.getState().open(me.profile.userId)
  expect(store.getState().status).toBe('ready')
  expect(store.getState().questions.map((q) => q.question)).toContain('店面需要消防验收吗？')
  // someone else signs in on this device: nothing of the one before is shown
  store.getState().open('u-someone-else')
  expect(store.getState()).toMatchObject({ status: 'idle', questions: [] })
})

test('the window: open questions of its hall; an answer refused at the field, then sent and gone from the list', async () => {
  const citizen = client()
  await citizen.c.loginWechat('dev-citizen-1')
  const asked = await citizen.consult.askQuestion({ bundleId: 'kaiban-canyin', question: '可以先营业后补办许可证吗？' }, 'key-consult-desk-0001')
  const window = client()
  await window.c.loginStaff('staff03', 'Window@2026')
  const desk = createConsultDeskStore(window.consult)
  await desk.getState().load()
  expect(desk.getState().questions.map((q) => q.id)).toContain(asked.id)
  window.calls.length = 0
  desk.getState().type(asked.id, '不可以')
  expect(await desk.getState().answer(asked.id)).toBe(false)
  expect(desk.getState().fieldErrors[asked.id]).toBe('答复内容太短了，请至少写 5 个字')
  expect(window.calls).toEqual([])
  desk.getState().type(asked.id, '不可以，须先取得食品经营许可证。')
  expect(desk.getState().fieldErrors[asked.id]).toBeUndefined()
  expect(await desk.getState().answer(asked.id)).toBe(true)
  expect(desk.getState().questions.map((q) => q.id)).not.toContain(asked.id)
  expect(desk.getState().answered).toMatchObject({ id: asked.id, status: 'answered', askerName: '刘*' })
  expect(await citizen.consult.getQuestion(asked.id)).toMatchObject({ status: 'answered', answer: { text: '不可以，须先取得食品经营许可证。' } })
})

test('the desk’s tally: read on load, polled by count(), one less after an answer; a failed poll keeps the last', async () => {
  const window = client()
  await window.c.loginStaff('staff03', 'Window@2026')
  const desk = createConsultDeskStore(window.consult)
  await desk.getState().load()
  const listed = desk.getState().questions.length
  expect(desk.getState().unanswered?.open).toBe(listed)
  const citizen = client()
  await citizen.c.loginWechat('dev-citizen-1')
  const asked = await citizen.consult.askQuestion({ bundleId: 'kaiban-canyin', question: '外卖需要另外办证吗？' }, 'key-consult-tally-0001')
  await desk.getState().count()
  expect(desk.getState().unanswered?.open).toBe(listed + 1)
  // the list is not reloaded by a poll: what the clerk is reading stays put
  expect(desk.getState().questions.length).toBe(listed)
  await desk.getState().load()
  desk.getState().type(asked.id, '不需要，食品经营许可证已包含。')
  expect(await desk.getState().answer(asked.id)).toBe(true)
  expect(desk.getState().unanswered?.open).toBe(listed)
  const offline = createConsultDeskStore({ ...window.consult, staffQuestionCount: () => Promise.reject(new Error('offline')) })
  offline.setState({ unanswered: { open: 3, overdue: 1 } })
  await offline.getState().count()
  expect(offline.getState().unanswered).toEqual({ open: 3, overdue: 1 })
})
