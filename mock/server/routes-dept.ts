// Department actions on a case (受理, 不予受理, 补正, 决定, 送达) and the follow-up of bad ratings. The staff
// console (#13) calls these. A staff power (route access 'staff'; 决定 and 送达 also 'reviewer'), not a
// simulation control: the admin token does not open them. Staff act only on cases filed at their own hall
// (403 otherwise), and every read or action is one audit row the citizen sees. Each action is one transaction with its Idempotency-Key record (index.ts): the
// case, its messages, outbox entries and an issued licence commit together, and a retry gets the first answer.
import type { DeptRatingListResponse, DeptRatingView } from '../../src/services/contract'
import { requestSupplement, lifeHooks, view } from './cases'
import type { AuditAction } from '../../src/domain/assist'
import { auditBy } from './assist'
import { me, type Core, type Ctx, type Route } from './core'
import { fail, json } from './http'
import { Checker } from './input'
import { deptAccept, deptDecide, deptDeliver, deptReject, findMatter } from './lifecycle'
import { notify } from './notify'
import { listPage } from './pages'
import { findCase, replayCase } from './routes-cases'
import type { StoredCase } from './state'

export function deptRoutes(core: Core): Route[] {
  const matterOf = (c: Checker, b: Record<string, unknown> | undefined) => b && c.string(b.matterId, 'matterId', { min: 1, max: 80 })
  /** A department action: `run` changes the case (a private copy) and returns it; it is saved and shown. */
  const act = (pattern: string, run: (ctx: Ctx, c: Checker, b: Record<string, unknown> | undefined) => StoredCase): Route => ({
    method: 'POST',
    pattern: `/dept/cases/:id/${pattern}`,
    // a reviewer (审批人员) decides; the window does the rest
    auth: pattern === 'decide' || pattern === 'deliver' ? ['staff', 'reviewer'] : 'staff',
    body: 'json',
    idempotency: 'optional',
    handler(ctx) {
      const c = new Checker()
      const b = c.object(ctx.body, '')
      const changed = run(ctx, c, b)
      core.state.cases.set(changed.id, changed)
      return { ...json(200, view(core, changed, { staff: true })), ref: changed.id }
    },
    replay: (id) => replayCase(core, id, { staff: true }),
  })
  /**
   * The case, if it was filed at the caller's hall (403 otherwise); the read or action is one audit row in the
   * request's commit (a refused action undoes it).
   */
  const ofHall = (ctx: Ctx, action: AuditAction, what: string, route = ''): StoredCase => {
    const found = findCase(core, ctx, false)
    const u = me(ctx)
    if (!u.profile.hallId || found.hallId !== u.profile.hallId) return fail('FORBIDDEN', '该办件不在本厅受理，不能查看或办理')
    auditBy(core, u, { citizenIds: [found.ownerId], basis: 'hall', action, what, record: found.id, purpose: u.profile.role === 'reviewer' ? '审批办件' : '一窗受理', route: `${ctx.method} /dept/cases/:id${route ? `/${route}` : ''}` })
    return found
  }
  const ratingOf = (c: StoredCase): DeptRatingView => ({ ratingId: c.ratingId!, bundleName: c.bundleName, departments: c.guidance.departments, evaluation: c.evaluation! })

  return [
    {
      method: 'GET',
      pattern: '/dept/cases/:id',
      auth: ['staff', 'reviewer'],
      handler: (ctx) => json(200, view(core, ofHall(ctx, 'read', '查看办件'), { staff: true })),
    },
    act('accept', (ctx, c, b) => {
      const matterId = matterOf(c, b)
      const note = b && c.string(b.note, 'note', { optional: true, max: 200 })
      c.done()
      const found = ofHall(ctx, 'write', '受理', 'accept')
      deptAccept(found, findMatter(found, matterId!), core.now(), lifeHooks(core), note)
      return found
    }),
    act('reject', (ctx, c, b) => {
      const matterId = matterOf(c, b)
      const reason = b && c.string(b.reason, 'reason', { min: 1, max: 500 })
      c.done()
      const found = ofHall(ctx, 'write', '不予受理', 'reject')
      deptReject(found, findMatter(found, matterId!), core.now(), reason!, lifeHooks(core))
      return found
    }),
    act('supplement', (ctx, c, b) => {
      const matterId = b && c.string(b.matterId, 'matterId', { optional: true, max: 80 })
      const message = b && c.string(b.message, 'message', { min: 1, max: 500 })
      const fields = b && c.stringArray(b.fields, 'fields', true)
      const materials = b && c.stringArray(b.materials, 'materials', true)
      c.done()
      return requestSupplement(core, ofHall(ctx, 'write', '一次性告知补正', 'supplement'), message!, fields ?? [], materials ?? [], matterId)
    }),
    act('decide', (ctx, c, b) => {
      const matterId = matterOf(c, b)
      const outcome = b && c.oneOf(b.outcome, 'outcome', ['approved', 'refused'] as const)
      const reason = b && c.string(b.reason, 'reason', { optional: true, max: 500 })
      c.done()
      const found = ofHall(ctx, 'write', '审批决定', 'decide')
      deptDecide(found, findMatter(found, matterId!), core.now(), outcome!, reason?.trim() || undefined, lifeHooks(core))
      return found
    }),
    act('deliver', (ctx, c, b) => {
      const matterId = matterOf(c, b)
      c.done()
      const found = ofHall(ctx, 'write', '送达', 'deliver')
      deptDeliver(found, findMatter(found, matterId!), core.now(), lifeHooks(core))
      return found
    }),
    {
      // ratings as departments see them: no name, no case number (raters are protected)
      method: 'GET',
      pattern: '/dept/ratings',
      auth: 'staff',
      handler(ctx) {
        // newest first; the cursor key (time, then rating id) is unique and sorts the same way
        const rated = core.state.cases.values().filter((c) => c.evaluation && c.ratingId)
        const page = listPage(ctx, rated, (c) => `${c.evaluation!.at} ${c.ratingId}`, 'desc', ratingOf)
        const res: DeptRatingListResponse = { ratings: page.items, ...page.more }
        return json(200, res)
      },
    },
    {
      method: 'POST',
      pattern: '/dept/ratings/:ratingId/follow-up',
      auth: 'staff',
      body: 'json',
      idempotency: 'optional',
      handler(ctx) {
        const c = new Checker()
        const b = c.object(ctx.body, '')
        const kind = b && c.oneOf(b.kind, 'kind', ['callback', 'answer'] as const)
        const text = b && c.string(b.text, 'text', { min: 1, max: 1000 })
        const department = b && c.string(b.department, 'department', { optional: true, max: 80 })
        c.done()
        const stored = core.state.cases.values().find((x) => x.ratingId === ctx.params.ratingId)
        const found = stored && structuredClone(stored)
        const f = found?.evaluation?.followUp
        if (!found || !f) return fail('NOT_FOUND', '没有这条需要回访的评价')
        const at = new Date(core.now()).toISOString()
        if (kind === 'callback') f.callback = { at, note: text! }
        else {
          if (f.answer) return fail('CONFLICT', '该评价已答复')
          f.answer = { at, text: text!, department: department ?? found.guidance.departments[0] ?? '' }
          notify(core, found, 'rating-answered', '您的评价已得到答复', text!, core.now())
        }
        core.state.cases.set(found.id, found)
        return { ...json(200, ratingOf(found)), ref: found.id }
      },
      replay: (id) => {
        const c = core.state.cases.get(id)
        return c?.evaluation ? ratingOf(c) : fail('NOT_FOUND', '没有这条需要回访的评价')
      },
    },
  ]
}
