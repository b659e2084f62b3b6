// Cases (submission, 补正, 好差评) and the simulation controls that drive them (clock, advance, faults, reset).
import { addWorkingDays, toBeijingDate } from '../../src/domain/calendar'
import type { CaseListResponse, ClockResponse, Evaluation } from '../../src/services/contract'
import { afterMap, applySupplement, checkSubmission, createCase, refreshCase, requestSupplement, view } from './cases'
import { me, type Core, type Ctx, type Route } from './core'
import { validateFaultConfig } from './faults'
import { fail, json } from './http'
import { SubmitCaseRequestSchema, SupplementSubmitRequestSchema } from '../../src/services/contract-schema'
import { Checker, parseBody } from './input'
import { paginate } from './pages'
import { currentConfirmations } from './routes-parties'
import { advanceNow, isConcluded } from './progress'
import type { StoredCase, StoredDraft } from './state'
import { draftKey } from './routes-data'

const CASE_ID = /^HN\d{13}$/

export function caseRoutes(core: Core, hooks: { reset(): void }): Route[] {
  /** The case brought up to now, as a private copy the route may change before it saves it. */
  const findCase = (ctx: Ctx, ownerOnly: boolean): StoredCase => {
    const id = ctx.params.id
    if (!CASE_ID.test(id)) fail('NOT_FOUND', '办件不存在')
    const c = core.state.cases.get(id)
    const u = ctx.user
    // no user: a simulation control (access checked by the route)
    const allowed = c && (!u || u.profile.userId === c.ownerId || (!ownerOnly && u.profile.role === 'staff'))
    // the same answer for someone else's case as for no case: ids do not leak
    if (!c || !allowed) return fail('NOT_FOUND', '办件不存在')
    return structuredClone(refreshCase(core, c))
  }

  /** A replayed submission or 补正 shows the case as it is now. */
  const replayCase = (id: string) => {
    const c = core.state.cases.get(id)
    return c ? view(core, refreshCase(core, c)) : fail('NOT_FOUND', '办件不存在')
  }

  const byIdDesc = (a: StoredCase, b: StoredCase) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)

  const clock = (): ClockResponse => ({ now: new Date(core.now()).toISOString(), offsetMs: core.state.meta.get().clockOffsetMs })

  return [
    {
      method: 'POST',
      pattern: '/cases',
      auth: 'citizen',
      body: 'json',
      idempotency: 'required',
      handler(ctx) {
        const { draftId, content, acting } = parseBody(SubmitCaseRequestSchema, ctx.body)
        const user = me(ctx)
        const key = draftKey(user.profile.userId, draftId)
        const draft = core.state.drafts.get(key)
        // a draft becomes one case; a second submission of it (with a new key) is refused
        if (draft?.status === 'submitted') return fail('CONFLICT', `该草稿已提交，办件编号 ${draft.caseId}`, { caseId: draft.caseId })
        // co-applicants' confirmations count only for exactly the content submitted
        const checked = checkSubmission(core, user, content, acting, undefined, draft ? currentConfirmations(draft, content) : [])
        const created = createCase(core, user, draftId, checked, acting)
        const now = new Date(core.now()).toISOString()
        const submitted: StoredDraft = draft
          ? { ...draft, version: draft.version + 1, content, updatedAt: now, status: 'submitted', caseId: created.id }
          : { id: draftId, ownerId: user.profile.userId, version: 1, content, createdAt: now, updatedAt: now, status: 'submitted', caseId: created.id }
        // the case, its number, the draft's status and (in index.ts) the idempotency answer: one commit
        core.state.drafts.set(key, submitted)
        core.log.info(`新办件 ${created.id}：${created.bundleName}，${created.matters.length} 个事项`)
        return { ...json(201, view(core, created)), ref: created.id }
      },
      replay: replayCase,
    },
    {
      method: 'GET',
      pattern: '/cases',
      auth: 'citizen',
      handler(ctx) {
        const uid = me(ctx).profile.userId
        const mine = core.state.cases
          .values()
          .filter((c) => c.ownerId === uid)
          .sort(byIdDesc)
        const page = paginate(ctx, mine, (c) => c.id, 'desc')
        const res: CaseListResponse = { cases: page.items.map((c) => view(core, refreshCase(core, c))), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) }
        return json(200, res)
      },
    },
    {
      method: 'GET',
      pattern: '/cases/:id',
      auth: 'user',
      handler: (ctx) => json(200, view(core, findCase(ctx, false))),
    },
    {
      method: 'POST',
      pattern: '/cases/:id/supplement',
      auth: 'citizen',
      body: 'json',
      idempotency: 'required',
      handler(ctx) {
        const found = findCase(ctx, true)
        const { values, materials } = parseBody(SupplementSubmitRequestSchema, ctx.body)
        const updated = applySupplement(core, me(ctx), found, values, materials)
        core.log.info(`办件 ${updated.id} 已补正`)
        return { ...json(200, view(core, updated)), ref: updated.id }
      },
      replay: replayCase,
    },
    {
      method: 'POST',
      pattern: '/cases/:id/evaluation',
      auth: 'citizen',
      body: 'json',
      idempotency: 'optional',
      handler(ctx) {
        const found = findCase(ctx, true)
        const c = new Checker()
        const b = c.object(ctx.body, '')
        const level = b && c.int(b.level, 'level', { min: 1, max: 5 })
        const ind = b && c.object(b.indicators, 'indicators')
        const score = (k: string) => (ind ? c.int(ind[k], `indicators.${k}`, { min: 1, max: 5 }) : undefined)
        const indicators = { efficiency: score('efficiency'), guideAccuracy: score('guideAccuracy'), convenience: score('convenience'), usability: score('usability') }
        const comment = b && c.string(b.comment, 'comment', { optional: true, max: 500 })
        c.done()
        if (found.evaluation) return fail('CONFLICT', '该办件已评价，每件只能评价一次')
        if (!isConcluded(found)) return fail('CONFLICT', '办件办结后才能评价')
        const evaluation: Evaluation = { level: level!, indicators: indicators as Evaluation['indicators'], ...(comment ? { comment } : {}), at: new Date(core.now()).toISOString() }
        found.evaluation = evaluation
        core.state.cases.set(found.id, found)
        return { ...json(201, evaluation), ref: found.id }
      },
      replay: (id) => core.state.cases.get(id)?.evaluation ?? fail('NOT_FOUND', '办件不存在'),
    },

    // ---------- simulation controls: the admin token, from this machine (no staff power) ----------
    {
      method: 'GET',
      pattern: '/admin/cases',
      auth: 'simulation',
      handler(ctx) {
        const status = ctx.query.get('status')
        const bundleId = ctx.query.get('bundleId')
        const cases = core.state.cases
          .values()
          .map((c) => refreshCase(core, c))
          .filter((c) => (!status || c.status === status) && (!bundleId || c.bundleId === bundleId))
          .sort((a, b) => -byIdDesc(a, b))
        const page = paginate(ctx, cases, (c) => c.id, 'asc')
        const res: CaseListResponse = { cases: page.items.map((c) => view(core, c)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) }
        return json(200, res)
      },
    },
    {
      method: 'POST',
      pattern: '/admin/cases/:id/supplement',
      auth: 'simulation',
      body: 'json',
      handler(ctx) {
        const found = findCase(ctx, false)
        const c = new Checker()
        const b = c.object(ctx.body, '')
        const message = b && c.string(b.message, 'message', { min: 1, max: 500 })
        const fields = b && c.stringArray(b.fields, 'fields', true)
        const materials = b && c.stringArray(b.materials, 'materials', true)
        c.done()
        return json(200, view(core, requestSupplement(core, found, message!, fields ?? [], materials ?? [])))
      },
    },
    {
      method: 'POST',
      pattern: '/admin/cases/:id/advance',
      auth: 'simulation',
      body: 'json-optional',
      handler(ctx) {
        const found = findCase(ctx, false)
        const c = new Checker()
        const b = ctx.body === undefined ? {} : c.object(ctx.body, '')
        const matterId = b && c.string(b.matterId, 'matterId', { optional: true, max: 80 })
        const outcome = b && c.oneOf(b.outcome, 'outcome', ['approved', 'refused'] as const, true)
        const note = b && c.string(b.note, 'note', { optional: true, max: 200 })
        c.done()
        advanceNow(found, core.now(), afterMap(core, found), { matterId, outcome, note })
        core.state.cases.set(found.id, found)
        return json(200, view(core, found))
      },
    },
    {
      method: 'GET',
      pattern: '/admin/clock',
      auth: 'simulation',
      handler: () => json(200, clock()),
    },
    {
      method: 'POST',
      pattern: '/admin/clock/advance',
      auth: 'simulation',
      body: 'json',
      handler(ctx) {
        const c = new Checker()
        const b = c.object(ctx.body, '')
        const hours = b && c.number(b.hours, 'hours', { optional: true, min: 0, max: 24 * 366 })
        const workingDays = b && c.int(b.workingDays, 'workingDays', { optional: true, min: 0, max: 250 })
        if (b && hours === undefined && workingDays === undefined && !Object.keys(c.errors).length) c.err('hours', '请给出 hours 或 workingDays')
        c.done()
        const now = core.now()
        let target = now + (hours ?? 0) * 3600_000
        if (workingDays) {
          // same time of day, n working days later (Beijing calendar)
          const today = toBeijingDate(new Date(target).toISOString())
          const due = addWorkingDays(today, workingDays).date
          target += Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)
        }
        const meta = core.state.meta.get()
        core.state.meta.update({ clockOffsetMs: meta.clockOffsetMs + (target - now) })
        for (const c2 of core.state.cases.values()) refreshCase(core, c2)
        core.log.info(`模拟时钟前进至 ${new Date(core.now()).toISOString()}`)
        return json(200, clock())
      },
    },
    {
      method: 'GET',
      pattern: '/admin/faults',
      auth: 'simulation',
      handler: () => json(200, core.faults.get()),
    },
    {
      method: 'POST',
      pattern: '/admin/faults',
      auth: 'simulation',
      body: 'json',
      handler(ctx) {
        const r = validateFaultConfig(ctx.body)
        if (!r.ok) return fail('BAD_REQUEST', '故障注入配置不正确', { fieldErrors: r.errors })
        core.log.warn(`故障注入：${JSON.stringify(r.config)}`)
        return json(200, core.faults.set(r.config))
      },
    },
    {
      method: 'DELETE',
      pattern: '/admin/faults',
      auth: 'simulation',
      handler: () => json(200, core.faults.clear()),
    },
    {
      method: 'POST',
      pattern: '/admin/reset',
      auth: 'simulation',
      handler() {
        hooks.reset()
        return json(200, { ok: true })
      },
    },
  ]
}

