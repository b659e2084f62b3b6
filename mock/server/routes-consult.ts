// 在线咨询: a citizen asks about a bundle (routed to the hall of their region), the window of that hall answers
// within 5 working days, the answer arrives in the citizen's 消息 as a message bound to no case. The rules are
// the app's (src/domain/consult.ts), with the same words. Each write is one transaction with its
// Idempotency-Key record (index.ts): a retried ask answers the first question, never a second one. A window's
// read of the list or answer of a question is one audit row the citizen sees (the list shows their masked
// name and what they wrote).
import { randomBytes } from 'node:crypto'
import { answerError, consultDueDate, isConsultOverdue, questionError } from '../../src/domain/consult'
import { maskName } from '../../src/domain/mask'
import { AnswerQuestionRequestSchema, AskQuestionRequestSchema, type ConsultListResponse, type ConsultQuestion, type StaffConsultCount, type StaffConsultListResponse, type StaffConsultView } from '../../src/services/contract-consult'
import { auditBy, findHall, nearestHallId, staffHall } from './assist'
import { me, type Core, type Ctx, type Route } from './core'
import { fail, json } from './http'
import { parseBody } from './input'
import { listPage } from './pages'
import { openInHallGroup, ownerGroup, type StoredQuestion } from './state'

const QUESTION_ID = /^Q-[A-Za-z0-9_-]{6,40}$/

export function consultRoutes(core: Core): Route[] {
  const nowIso = () => new Date(core.now()).toISOString()
  const citizenView = ({ ownerId: _o, hallId: _h, answeredBy: _a, ...q }: StoredQuestion): ConsultQuestion => q
  const staffView = (q: StoredQuestion): StaffConsultView => ({
    ...citizenView(q),
    askerName: maskName(core.state.users.get(q.ownerId)?.profile.name ?? ''),
    hallName: findHall(core, q.hallId)?.hall.name ?? '',
    overdue: isConsultOverdue(q, nowIso()),
  })
  /** the caller's own question; another person's answers as one that does not exist */
  const mine = (ctx: Ctx): StoredQuestion => {
    const q = QUESTION_ID.test(ctx.params.id) ? core.state.questions.get(ctx.params.id) : undefined
    if (!q || q.ownerId !== me(ctx).profile.userId) return fail('NOT_FOUND', '咨询不存在')
    return q
  }
  const hallOf = (ctx: Ctx) => {
    const u = me(ctx)
    return { u, hall: staffHall(core, u) }
  }

  return [
    {
      method: 'POST',
      pattern: '/consultations',
      auth: 'citizen',
      body: 'json',
      idempotency: 'required',
      handler(ctx) {
        const req = parseBody(AskQuestionRequestSchema, ctx.body)
        const problem = questionError(req.question)
        if (problem) return fail('VALIDATION', problem, { fieldErrors: { question: problem } })
        const bundle = core.catalogue.find(req.bundleId)
        if (!bundle) return fail('VALIDATION', '该一件事不存在或已下线', { fieldErrors: { bundleId: '该一件事不存在或已下线，请重新选择' } })
        const u = me(ctx)
        const hallId = nearestHallId(core, u.profile.region ?? '') ?? ''
        const askedAt = nowIso()
        const q: StoredQuestion = {
          id: `Q-${randomBytes(9).toString('base64url')}`,
          bundleId: bundle.template.id,
          bundleName: bundle.template.name,
          question: req.question.trim(),
          askedAt,
          dueDate: consultDueDate(askedAt),
          status: 'open',
          ownerId: u.profile.userId,
          hallId,
        }
        core.state.questions.set(q.id, q)
        return { ...json(201, citizenView(q)), ref: q.id }
      },
      replay: (id) => {
        const q = core.state.questions.get(id)
        return q ? citizenView(q) : undefined
      },
    },
    {
      method: 'GET',
      pattern: '/consultations',
      auth: 'citizen',
      handler(ctx) {
        const uid = me(ctx).profile.userId
        const asked = core.state.questions.inGroup(ownerGroup(uid))
        const page = listPage(ctx, asked, (q) => `${q.askedAt} ${q.id}`, 'desc', citizenView)
        const res: ConsultListResponse = { questions: page.items, ...page.more }
        return json(200, res)
      },
    },
    {
      method: 'GET',
      pattern: '/consultations/:id',
      auth: 'citizen',
      handler: (ctx) => json(200, citizenView(mine(ctx))),
    },
    {
      method: 'GET',
      pattern: '/staff/consultations/count',
      // a tally only (no question, no name): no personal data read, so no audit entry for each poll
      auth: 'staff',
      handler(ctx) {
        const { hall } = hallOf(ctx)
        const now = nowIso()
        const open = core.state.questions.inGroup(openInHallGroup(hall.hall.id))
        const res: StaffConsultCount = { open: open.length, overdue: open.filter((q) => isConsultOverdue(q, now)).length }
        return json(200, res)
      },
    },
    {
      method: 'GET',
      pattern: '/staff/consultations',
      // the window answers; a reviewer decides cases and does not see questions
      auth: 'staff',
      handler(ctx) {
        const { u, hall } = hallOf(ctx)
        // the earliest due first (then the earliest asked); the key is unique and sorts the same way
        const keyOf = (q: StoredQuestion) => `${q.dueDate} ${q.askedAt} ${q.id}`
        const open = core.state.questions.inGroup(openInHallGroup(hall.hall.id))
        const page = listPage(ctx, open, keyOf, 'asc', (q) => q)
        const citizenIds = [...new Set(page.items.map((q) => q.ownerId))]
        if (citizenIds.length)
          auditBy(core, u, { citizenIds, basis: 'hall', action: 'read', what: '查看待答复的在线咨询（姓名已遮挡）', purpose: '在线咨询答复', route: 'GET /staff/consultations' })
        const res: StaffConsultListResponse = { questions: page.items.map(staffView), ...page.more }
        return json(200, res)
      },
    },
    {
      method: 'POST',
      pattern: '/staff/consultations/:id/answer',
      auth: 'staff',
      body: 'json',
      idempotency: 'optional',
      handler(ctx) {
        const { u, hall } = hallOf(ctx)
        const req = parseBody(AnswerQuestionRequestSchema, ctx.body)
        const found = QUESTION_ID.test(ctx.params.id) ? core.state.questions.get(ctx.params.id) : undefined
        if (!found) return fail('NOT_FOUND', '咨询不存在')
        if (found.hallId !== hall.hall.id) return fail('FORBIDDEN', '该咨询不由本厅答复，不能查看或答复')
        if (found.status === 'answered') return fail('CONFLICT', '该咨询已答复，不能再次答复')
        const problem = answerError(req.answer)
        if (problem) return fail('VALIDATION', problem, { fieldErrors: { answer: problem } })
        const at = nowIso()
        const answered: StoredQuestion = { ...found, status: 'answered', answer: { text: req.answer.trim(), at, hallName: hall.hall.name }, answeredBy: u.profile.userId }
        core.state.questions.set(found.id, answered)
        const messageId = `msg-${randomBytes(9).toString('base64url')}`
        core.state.messages.set(messageId, {
          id: messageId,
          ownerId: found.ownerId,
          questionId: found.id,
          kind: 'consult-answered',
          title: '您的咨询已答复',
          body: `关于“${found.bundleName}”的咨询，${hall.hall.name}已答复。`,
          at,
          read: false,
        })
        auditBy(core, u, { citizenIds: [found.ownerId], basis: 'hall', action: 'write', what: '答复在线咨询', record: found.id, purpose: '在线咨询答复', route: 'POST /staff/consultations/:id/answer' })
        return { ...json(200, staffView(answered)), ref: found.id }
      },
      replay: (id) => {
        const q = core.state.questions.get(id)
        return q ? staffView(q) : undefined
      },
    },
  ]
}
