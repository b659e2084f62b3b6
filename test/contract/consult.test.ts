// 在线咨询 on the platform: a citizen asks about a bundle, a retried ask is the same question, nobody else reads
// it, the window of the citizen's hall answers it and the answer arrives in 消息 bound to no case.
import { questionError } from '@/domain/consult'
import { newIdempotencyKey, PlatformError } from '@/services/platform'
import { createConsultClient } from '@/services/platform/consult'
import { raw, signIn, start, type Running } from './support/harness'

let r: Running
beforeAll(async () => {
  r = await start()
})
afterAll(() => r.stop())

const ask = async (code = 'dev-citizen-1') => {
  const c = r.client()
  await signIn(c, code, { consent: false })
  return { c, consult: createConsultClient(c) }
}
const staff = async (account = 'staff03') => {
  const c = r.client()
  await c.loginStaff(account, 'Window@2026')
  return { c, consult: createConsultClient(c) }
}
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as PlatformError)

test('a question is stored with status open and due 5 working days later; a retried POST makes no second question', async () => {
  const { consult } = await ask()
  const key = newIdempotencyKey()
  // the platform stores it, then the answer is lost (socket dropped): the client's retry with the same key
  // gets the stored question back (a replayed answer is not dropped again)
  r.platform.setFaults({ faults: [{ route: 'POST /consultations', dropRate: 1 }] })
  const q = await consult.askQuestion({ bundleId: 'kaiban-canyin', question: '  餐饮店的营业执照和食品经营许可证能一起办吗？ ' }, key)
  r.platform.setFaults({ faults: [] })
  expect(q).toMatchObject({ bundleId: 'kaiban-canyin', question: '餐饮店的营业执照和食品经营许可证能一起办吗？', status: 'open' })
  expect(q.bundleName).toBeTruthy()
  // asked Thursday 26 Nov 2026 10:00 Beijing: Fri 27, Mon 30, Tue 1, Wed 2, Thu 3 Dec
  expect(q.askedAt).toBe('2026-11-26T02:00:00.000Z')
  expect(q.dueDate).toBe('2026-12-03')
  const again = await consult.askQuestion({ bundleId: 'kaiban-canyin', question: '  餐饮店的营业执照和食品经营许可证能一起办吗？ ' }, key)
  expect(again).toEqual(q)
  expect((await consult.listQuestions()).filter((x) => x.id === q.id)).toHaveLength(1)
  expect(await consult.listQuestions()).toHaveLength(1)
  expect(await consult.getQuestion(q.id)).toEqual(q)
})

test('the platform refuses what the app refuses, with the same words at the field', async () => {
  const { consult } = await ask('dev-citizen-2')
  for (const text of ['', '   ', '怎么办', '问'.repeat(501)]) {
    const e = await failure(consult.askQuestion({ bundleId: 'kaiban-canyin', question: text }, newIdempotencyKey()))
    expect(e?.status).toBe(422)
    expect(e?.fieldErrors?.question).toBe(questionError(text))
    expect(e?.fieldErrors?.question).toBeTruthy()
  }
  const unknown = await failure(consult.askQuestion({ bundleId: 'no-such-bundle', question: '这件事怎么办理呢？' }, newIdempotencyKey()))
  expect(unknown?.status).toBe(422)
  expect(unknown?.fieldErrors?.bundleId).toBe('该一件事不存在或已下线，请重新选择')
  // a wrong shape is a 400; no key is refused (a retry could not be recognised)
  const shape = await failure(consult.askQuestion({ bundleId: 'kaiban-canyin', question: 42 as unknown as string }, newIdempotencyKey()))
  expect(shape?.status).toBe(400)
  expect((await consult.listQuestions()).length).toBe(0)
})

test('nobody else reads a question: another citizen gets 404, a reviewer and a citizen on staff routes 403', async () => {
  const { consult } = await ask('dev-citizen-1')
  const q = await consult.askQuestion({ bundleId: 'kaiban-canyin', question: '开餐饮店需要消防检查吗？' }, newIdempotencyKey())
  const other = await ask('dev-citizen-2')
  expect((await failure(other.consult.getQuestion(q.id)))?.status).toBe(404)
  expect((await other.consult.listQuestions()).map((x) => x.id)).not.toContain(q.id)
  // a citizen cannot use the window's routes
  expect((await failure(other.consult.staffQuestions()))?.status).toBe(403)
  expect((await failure(other.consult.answerQuestion(q.id, { answer: '需要，请先办理消防检查。' })))?.status).toBe(403)
  // a reviewer decides cases; answering questions is the window's
  const reviewer = await staff('reviewer01')
  expect((await failure(reviewer.consult.staffQuestions()))?.status).toBe(403)
  // staff of another hall neither sees nor answers it
  const elsewhere = await staff('staff01')
  expect((await elsewhere.consult.staffQuestions()).map((x) => x.id)).not.toContain(q.id)
  expect((await failure(elsewhere.consult.answerQuestion(q.id, { answer: '需要，请先办理消防检查。' })))?.status).toBe(403)
  // signed out
  expect((await raw(r.url, 'GET', `/consultations/${q.id}`)).status).toBe(401)
})

test('the window of the hall lists open questions by due date, overdue flagged, answers one; the citizen reads it in 消息; each access is audited', async () => {
  const liu = await ask('dev-citizen-1')
  const before = (await liu.consult.listQuestions()).map((x) => x.id)
  r.tick(3600_000)
  const later = await liu.consult.askQuestion({ bundleId: 'kaiban-canyin', question: '店名可以用繁体字吗？' }, newIdempotencyKey())
  const window = await staff('staff03')
  const listed = await window.consult.staffQuestions()
  const mine = listed.filter((x) => [...before, later.id].includes(x.id))
  expect(mine.map((x) => x.id).sort()).toEqual([...before, later.id].sort())
  expect(mine[mine.length - 1].id).toBe(later.id)
  for (let i = 1; i < listed.length; i++) expect(`${listed[i - 1].dueDate} ${listed[i - 1].askedAt}` <= `${listed[i].dueDate} ${listed[i].askedAt}`).toBe(true)
  expect(mine.every((x) => x.askerName === '刘*' && x.overdue === false && x.status === 'open')).toBe(true)

  // the answer is validated with the domain's words
  const bad = await failure(window.consult.answerQuestion(later.id, { answer: '可以' }))
  expect(bad?.status).toBe(422)
  expect(bad?.fieldErrors?.answer).toBe('答复内容太短了，请至少写 5 个字')
  const key = newIdempotencyKey()
  const answered = await window.consult.answerQuestion(later.id, { answer: '可以使用规范汉字；繁体字需要符合企业名称登记的规定。' }, key)
  expect(answered).toMatchObject({ status: 'answered', answer: { text: '可以使用规范汉字；繁体字需要符合企业名称登记的规定。', hallName: '长沙市政务服务中心' } })
  // a retry with the same key gets the same answer; a second answer is refused
  expect(await window.consult.answerQuestion(later.id, { answer: '可以使用规范汉字；繁体字需要符合企业名称登记的规定。' }, key)).toEqual(answered)
  expect((await failure(window.consult.answerQuestion(later.id, { answer: '另一个答复内容在这里' })))?.status).toBe(409)
  expect((await window.consult.staffQuestions()).map((x) => x.id)).not.toContain(later.id)

  // the citizen: 我的咨询 says 已答复 with the answer; 消息 has one message bound to no case
  expect(await liu.consult.getQuestion(later.id)).toMatchObject({ status: 'answered', answer: { text: answered.answer!.text } })
  const { messages, unread } = await liu.c.listMessages()
  const about = messages.filter((m) => m.questionId === later.id)
  expect(about).toHaveLength(1)
  expect(about[0]).toMatchObject({ kind: 'consult-answered', read: false, title: '您的咨询已答复' })
  expect(about[0].caseId).toBeUndefined()
  expect(unread).toBeGreaterThanOrEqual(1)
  // the other citizen's 消息 does not have it
  const chen = await ask('dev-citizen-2')
  expect((await chen.c.listMessages()).messages.some((m) => m.questionId === later.id)).toBe(false)

  // audit: the list read and the answer, each a row the citizen sees (the refused answers wrote none)
  const audit = await liu.c.listAudit()
  const rows = audit.filter((a) => a.what.includes('在线咨询'))
  expect(rows.map((a) => a.what).sort()).toEqual(['查看待答复的在线咨询（姓名已遮挡）', '查看待答复的在线咨询（姓名已遮挡）', '答复在线咨询'].sort())
})

test('an unanswered question past its due date is flagged overdue for the window', async () => {
  const zhao = await ask('dev-no-licence')
  const q = await zhao.consult.askQuestion({ bundleId: 'kaiban-canyin', question: '个体户也能按这个流程办吗？' }, newIdempotencyKey())
  const window = await staff('staff03')
  r.tick(10 * 86_400_000)
  const listed = await window.consult.staffQuestions()
  expect(listed.find((x) => x.id === q.id)).toMatchObject({ overdue: true, status: 'open' })
  expect(listed[0].overdue).toBe(true)
})

test('the window’s tally: its hall’s open questions counted, a new one adds one, an answer takes one; no names, no audit row; others refused', async () => {
  const window = await staff('staff03')
  const before = await window.consult.staffQuestionCount()
  expect(before.open).toBe((await window.consult.staffQuestions()).length)
  const liu = await ask('dev-citizen-1')
  const auditBefore = (await liu.c.listAudit()).length
  const q = await liu.consult.askQuestion({ bundleId: 'kaiban-canyin', question: '招牌需要审批吗？要多久？' }, newIdempotencyKey())
  expect(await window.consult.staffQuestionCount()).toEqual({ open: before.open + 1, overdue: before.overdue })
  // polling reads no personal data: the citizen's 谁查看了我的信息 gains nothing
  expect((await liu.c.listAudit()).length).toBe(auditBefore)
  // another hall does not count it
  const elsewhere = await staff('staff01')
  const there = await elsewhere.consult.staffQuestionCount()
  expect(there.open).toBe((await elsewhere.consult.staffQuestions()).length)
  await window.consult.answerQuestion(q.id, { answer: '招牌面积较大的需要审批，一般 5 个工作日。' })
  expect((await window.consult.staffQuestionCount()).open).toBe(before.open)
  expect((await failure((await staff('reviewer01')).consult.staffQuestionCount()))?.status).toBe(403)
  expect((await failure(liu.consult.staffQuestionCount()))?.status).toBe(403)
})
