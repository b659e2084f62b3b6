// Department actions on a case (受理, 不予受理, 补正, 决定, 送达) and the follow-up of bad ratings. The staff
// console (#13) calls these; tests drive them now. Today any staff token or X-Admin-Token may act; a hall
// scope per staff account comes with the role model.
import type { DeptRatingListResponse, DeptRatingView } from '../../src/services/contract'
import { requestSupplement, lifeHooks, view } from './cases'
import type { Core, Ctx, Route } from './core'
import { fail, json } from './http'
import { Checker } from './input'
import { deptAccept, deptDecide, deptDeliver, deptReject, findMatter } from './lifecycle'
import { notify } from './notify'
import { findCase } from './routes-cases'

export function deptRoutes(core: Core): Route[] {
  const matterOf = (c: Checker, b: Record<string, unknown> | undefined) => b && c.string(b.matterId, 'matterId', { min: 1, max: 80 })
  const act = (pattern: string, run: (ctx: Ctx, c: Checker, b: Record<string, unknown> | undefined) => void): Route => ({
    method: 'POST',
    pattern: `/dept/cases/:id/${pattern}`,
    auth: 'staff',
    body: 'json',
    handler(ctx) {
      const c = new Checker()
      const b = c.object(ctx.body, '')
      run(ctx, c, b)
      return json(200, view(core, core.state.cases.get(ctx.params.id)!, { staff: true }))
    },
  })
  const save = (id: string) => core.state.cases.set(id, core.state.cases.get(id)!)

  return [
    {
      method: 'GET',
      pattern: '/dept/cases/:id',
      auth: 'staff',
      handler: (ctx) => json(200, view(core, findCase(core, ctx, false), { staff: true })),
    },
    act('accept', (ctx, c, b) => {
      const matterId = matterOf(c, b)
      const note = b && c.string(b.note, 'note', { optional: true, max: 200 })
      c.done()
      const found = findCase(core, ctx, false)
      deptAccept(found, findMatter(found, matterId!), core.now(), lifeHooks(core), note)
      save(found.id)
    }),
    act('reject', (ctx, c, b) => {
      const matterId = matterOf(c, b)
      const reason = b && c.string(b.reason, 'reason', { min: 1, max: 500 })
      c.done()
      const found = findCase(core, ctx, false)
      deptReject(found, findMatter(found, matterId!), core.now(), reason!, lifeHooks(core))
      save(found.id)
    }),
    act('supplement', (ctx, c, b) => {
      const matterId = b && c.string(b.matterId, 'matterId', { optional: true, max: 80 })
      const message = b && c.string(b.message, 'message', { min: 1, max: 500 })
      const fields = b && c.stringArray(b.fields, 'fields', true)
      const materials = b && c.stringArray(b.materials, 'materials', true)
      c.done()
      requestSupplement(core, findCase(core, ctx, false), message!, fields ?? [], materials ?? [], matterId)
    }),
    act('decide', (ctx, c, b) => {
      const matterId = matterOf(c, b)
      const outcome = b && c.oneOf(b.outcome, 'outcome', ['approved', 'refused'] as const)
      const reason = b && c.string(b.reason, 'reason', { optional: true, max: 500 })
      c.done()
      const found = findCase(core, ctx, false)
      deptDecide(found, findMatter(found, matterId!), core.now(), outcome!, reason?.trim() || undefined, lifeHooks(core))
      save(found.id)
    }),
    act('deliver', (ctx, c, b) => {
      const matterId = matterOf(c, b)
      c.done()
      const found = findCase(core, ctx, false)
      deptDeliver(found, findMatter(found, matterId!), core.now(), lifeHooks(core))
      save(found.id)
    }),
    {
      // ratings as departments see them: no name, no case number (raters are protected)
      method: 'GET',
      pattern: '/dept/ratings',
      auth: 'staff',
      handler() {
        const ratings: DeptRatingView[] = core.state.cases
          .values()
          .filter((c) => c.evaluation && c.ratingId)
          .sort((a, b) => b.evaluation!.at.localeCompare(a.evaluation!.at))
          .map((c) => ({ ratingId: c.ratingId!, bundleName: c.bundleName, departments: c.guidance.departments, evaluation: c.evaluation! }))
        const res: DeptRatingListResponse = { ratings }
        return json(200, res)
      },
    },
    {
      method: 'POST',
      pattern: '/dept/ratings/:ratingId/follow-up',
      auth: 'staff',
      body: 'json',
      handler(ctx) {
        const c = new Checker()
        const b = c.object(ctx.body, '')
        const kind = b && c.oneOf(b.kind, 'kind', ['callback', 'answer'] as const)
        const text = b && c.string(b.text, 'text', { min: 1, max: 1000 })
        const department = b && c.string(b.department, 'department', { optional: true, max: 80 })
        c.done()
        const found = core.state.cases.values().find((x) => x.ratingId === ctx.params.ratingId)
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
        const rating: DeptRatingView = { ratingId: found.ratingId!, bundleName: found.bundleName, departments: found.guidance.departments, evaluation: found.evaluation! }
        return json(200, rating)
      },
    },
  ]
}
