// 智能导办: from the template, the draft and the applicant's context, everything the screens show.
// Pure and deterministic: the current time comes in ctx.now; nothing here is stored.
import { toBeijingDate } from '../calendar'
import type { GuidanceContext, MaterialChoice } from '../draft'
import { holds, offeredIn, pickByRegion, regionWithin, type RuleScope } from '../rules'
import type { AnswerValue, Answers, ApplicantKind, BundleTemplate, Material, Matter, Question } from '../template/types'
import { validateMobile } from '../validators'
import { answerError, answerLabel } from './answers'
import { buildForm, heldValue } from './fields'
import { paramsFor, templateIndex, type TemplateIndex } from './indexes'
import { retirementNames, retirementView } from './retirement'
import { materialView } from './materials'
import { interpolate } from './text'
import { bundleWorkingDays, contributionsOf, dueDate, feesOf, inWorkingDays, matterDeadline, pathValue } from './timing'
import type {
  BecauseAnswer,
  Burden,
  BundleBurden,
  BurdenFigures,
  CriticalPath,
  DeliveryGuidance,
  DraftErrors,
  GuideDraft,
  Guidance,
  JourneyStep,
  JourneyStepId,
  MaterialView,
  MatterView,
  PartyView,
  PrefillData,
  QuestionView,
  RetirementView,
  StopView,
} from './types'

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key)

/** The answer the platform already holds for a question (性别, 年龄, 缴费年限), when it fits the question. */
function heldAnswer(q: Question, ctx: GuidanceContext, today: string, data?: PrefillData, retirement?: RetirementView): { value: AnswerValue; sourceLabel: string } | undefined {
  const p = q.prefill
  const found = p && heldValue(p, ctx, today, data, retirement)
  if (!p || !found) return undefined
  const area = p.source !== 'profile' ? p.within : undefined
  // a region code is read as inside / outside the area; anything else answers nothing
  if (area !== undefined && !/^\d{6}$/.test(found.value)) return undefined
  const held = area !== undefined ? String(regionWithin(found.value, area)) : found.value
  // a held value the map does not name answers nothing: the question is asked (a list: each of its values)
  const heldValues = q.kind === 'multiple' ? held.split(',') : [held]
  if (p.map && !heldValues.every((h) => own(p.map as object, h))) return undefined
  const mapped = heldValues.map((h) => (p.map ? (p.map[h] as string) : h))
  const raw = mapped[0]
  if (q.kind === 'yesno' && raw !== 'true' && raw !== 'false') return undefined
  const value: AnswerValue = q.kind === 'multiple' ? mapped : q.kind === 'number' ? Number(raw) : q.kind === 'yesno' ? raw === 'true' : raw
  return answerError(q, value) ? undefined : { value, sourceLabel: `来自${found.label}` }
}

export function guide(template: BundleTemplate, draft: GuideDraft, ctx: GuidanceContext, prefillData?: PrefillData): Guidance {
  const ix = templateIndex(template)
  const today = toBeijingDate(ctx.now)
  const params = paramsFor(template, ctx.region)
  // Filled question by question: only answers to visible questions, valid for their kind, count.
  const effective: Answers = {}
  const scope: RuleScope = { answers: effective, region: ctx.region, applicantKind: ctx.applicantKind, params }

  // --- questions (showWhen may only read earlier questions) ---
  const visible: QuestionView[] = []
  const visibleIds = new Set<string>()
  // the statutory retirement age, as far as the answers so far allow (a woman's original age is an answer)
  const retirementNow = () => retirementView(template, scope, today, prefillData)
  for (const q of template.questions) {
    if (!holds(q.showWhen, scope)) continue
    visibleIds.add(q.id)
    const view: QuestionView = { question: q, answered: false }
    const given = own(draft.answers, q.id) && draft.answers[q.id] !== undefined
    const optionHelps = (q.options ?? []).filter((o) => o.help?.includes('{'))
    const wantsRetirement = template.retirement && ((q.help ?? '').includes('{') || optionHelps.length > 0 || (!given && q.prefill?.source === 'profile' && q.prefill.key === 'retirementReached'))
    const retirementSoFar = wantsRetirement ? retirementNow() : undefined
    const fill = (text: string) => interpolate(text, params, ctx.regionName, retirementNames(template, retirementSoFar))
    if (q.help) view.help = fill(q.help)
    if (optionHelps.length) view.optionHelp = Object.fromEntries(optionHelps.map((o) => [o.value, fill(o.help as string)]))
    const held = given ? undefined : heldAnswer(q, ctx, today, prefillData, retirementSoFar)
    if (given || held) {
      const value = given ? draft.answers[q.id] : (held?.value as AnswerValue)
      view.answer = value
      const error = answerError(q, value)
      if (error) view.error = error
      else {
        view.answered = true
        view.answerLabel = answerLabel(q, value)
        effective[q.id] = value
        if (held) view.fromData = { sourceLabel: held.sourceLabel }
      }
    }
    visible.push(view)
  }
  const next = visible.find((v) => !v.answered)?.question
  const questions = {
    visible,
    next,
    complete: next === undefined,
    ignoredAnswers: Object.keys(draft.answers).filter((id) => !visibleIds.has(id)),
  }

  // --- matters ---
  const ordered = dependencyOrder(
    template.matters.filter((m) => holds(m.appliesWhen, scope)),
    ix,
  )
  const applicable = new Set(ordered.map((m) => m.id))
  const matters: MatterView[] = ordered.map((m) => ({
    id: m.id,
    matter: m,
    authority: authorityFor(m, ctx.region, ix),
    because: because(m, scope, ix),
  }))

  // --- fields: each datum once; groups once per item ---
  const fieldUsers = new Map<string, string[]>()
  for (const m of ordered)
    for (const f of m.fields) {
      if (!ix.fieldById.has(f) && !ix.groupById.has(f)) continue
      const users = fieldUsers.get(f) ?? []
      if (!users.includes(m.id)) users.push(m.id)
      fieldUsers.set(f, users)
    }
  const retirement = template.retirement ? retirementNow() : undefined
  const names = retirementNames(template, retirement)
  const form = buildForm({ ix, sections: template.sections, users: fieldUsers, draft, scope, ctx, today, data: prefillData, regionName: ctx.regionName, names })

  // --- materials: deduplicated checklist; a group's materials once per item ---
  const parties = template.parties ?? []
  const initiator = parties[0]
  const promiseAllowed = !ctx.promiseBarred && (!ctx.acting || ctx.acting.actor === 'self' || ctx.acting.promiseAuthorised)
  const materialUsers = new Map<string, string[]>()
  let separateMaterials = 0
  const counted = (m: Material | undefined) => !!m && !m.shared // departments fetch shared data: nobody provides it
  for (const m of ordered)
    for (const ref of m.materials) {
      if (!ix.materialById.has(ref.ref) || !holds(ref.when, scope)) continue
      if (counted(ix.materialById.get(ref.ref))) separateMaterials++
      const users = materialUsers.get(ref.ref) ?? []
      if (!users.includes(m.id)) users.push(m.id)
      materialUsers.set(ref.ref, users)
    }
  const base = { draft, ctx, applicable, promiseAllowed, initiator, parties }
  const materials: MaterialView[] = [...materialUsers.keys()]
    .map((id) => ix.materialById.get(id) as Material)
    .sort((a, b) => (ix.materialOrder.get(a.id) ?? 0) - (ix.materialOrder.get(b.id) ?? 0))
    .map((m) => materialView({ ...base, id: m.id, material: m, usedBy: materialUsers.get(m.id) ?? [] }))
  for (const g of form.groups)
    for (const ref of g.group.materials ?? []) {
      const m = ix.materialById.get(ref.ref)
      if (!m || !holds(ref.when, scope)) continue
      g.items.forEach((item) => {
        if (counted(m)) separateMaterials += g.usedBy.length
        // an item is titled by its first field when that is a name or a text (股东 1（周立）)
        const lead = item.fields[0]
        const name = lead && (lead.field.type === 'name' || lead.field.type === 'text') ? lead.value.trim() : ''
        const label = name ? `${item.label}（${name}）` : item.label
        materials.push(materialView({ ...base, id: `${m.id}~${item.key}`, material: m, usedBy: g.usedBy, item: { groupId: g.id, key: item.key, label } }))
      })
    }

  // --- the path's choices, for deadline, visit and fee rules ---
  const choiceScope: RuleScope = {
    ...scope,
    ...(draft.handling ? { handling: draft.handling } : {}),
    promises: materials.filter((m) => m.chosen === 'promise').map((m) => m.material.id),
  }

  // --- departments, deadline ---
  const departments = [...new Set(ordered.map((m) => m.department))]
  const matterDeadlines = ordered.map((m) => matterDeadline(m, choiceScope, today))
  const workingDays = bundleWorkingDays(template, matterDeadlines, choiceScope)
  const due = dueDate(today, workingDays)
  const legalDays = (m: Matter) => inWorkingDays(today, m.legalLimitDays, m.limitUnit)
  const promisedDays = new Map(matterDeadlines.map((d) => [d.matterId, inWorkingDays(today, d.promised.days, d.promised.unit)]))
  const deadline = {
    matters: matterDeadlines,
    workingDays,
    expectedDate: due.date,
    estimated: due.estimated,
    legalWorkingDays: longestChain(ordered, applicable, legalDays).workingDays,
    criticalPath: longestChain(ordered, applicable, (m) => promisedDays.get(m.id) ?? 0),
  }

  // --- stop ---
  const stop = findStop(template, ctx, scope, questions.complete && ordered.length === 0, names)

  // --- several parties ---
  const confirmations = ctx.confirmations ?? []
  const partyViews: PartyView[] = parties.map((p, i) => {
    const confirmation = confirmations.find((c) => c.party === p.id)
    return { id: p.id, label: p.label, initiator: i === 0, confirms: p.confirms, ...(confirmation ? { confirmation } : {}) }
  })

  // --- delivery and handling ---
  const delivery = deliveryGuidance(template, draft, ctx, ordered)

  // --- what blocks submission beyond the steps' own errors ---
  const blockers = submitBlockers(template, ctx, stop, partyViews)

  // --- journey: derived, never stored ---
  const done = [
    questions.complete && !stop && ordered.length > 0,
    form.all.every((f) => f.valid) && form.groups.every((g) => !g.error),
    materials.every((m) => m.satisfied),
    delivery.valid,
    false, // review is done only by submitting
  ]
  const current = done.indexOf(false)
  const journey: JourneyStep[] = JOURNEY.map((id, i) => ({
    id,
    status: i < current ? 'done' : i === current ? 'current' : 'todo',
    canVisit: i <= current,
  }))

  // --- visits, fees ---
  const visits = pathValue(template.visitsWhen, template.visits, choiceScope)
  const fees = feesOf(ordered, choiceScope)
  const contributions = contributionsOf(ordered, choiceScope)

  // --- summary and burden: what the applicant actually does ---
  const acted = (m: MaterialView) => m.chosen !== 'in-bundle' && m.chosen !== 'licence' && m.chosen !== 'shared'
  // matters behind a dead end are not the citizen's to do: the summary does not count them
  const stopped = !!stop
  const summary = {
    stopped,
    matterCount: stopped ? 0 : ordered.length,
    materialCount: stopped ? 0 : materials.filter(acted).length,
    expectedDate: deadline.expectedDate,
    workingDays,
  }
  const separate: BurdenFigures = {
    fields: ordered.reduce((n, m) => n + m.fields.reduce((k, f) => k + separateFieldCount(f, ix, draft), 0), 0),
    materials: separateMaterials,
    visits: ordered.reduce((n, m) => n + m.visits, 0),
  }
  const places = visitPlaces(draft, ctx, materials, ordered)
  const count = (mode: MaterialView['chosen']) => materials.filter((m) => m.chosen === mode).length
  const bundle: BundleBurden = {
    fields: form.all.filter((f) => !f.prefill).length,
    materials: count('upload') + count('original') + count('defer'),
    visits: visits + places.length,
    uploads: count('upload'),
    originals: count('original'),
    deferred: count('defer'),
    promises: count('promise'),
    places,
  }
  const burden: Burden = {
    separate,
    bundle,
    savedPercent: { fields: saved(separate.fields, bundle.fields), materials: saved(separate.materials, bundle.materials), visits: saved(separate.visits, bundle.visits) },
  }

  return {
    questions,
    matters,
    fields: { sections: form.sections, all: form.all, groups: form.groups, offers: form.offers },
    materials,
    departments,
    deadline,
    visits,
    fees,
    feeTotalYuan: fees.reduce((n, f) => n + f.amountYuan, 0),
    contributions,
    parties: partyViews,
    ...(retirement ? { retirement } : {}),
    delivery,
    stop,
    blockers,
    journey,
    summary,
    burden,
  }
}

/** Errors to show on Continue, and the mock server's re-check of a submission (it never trusts the client). */
export function validateDraft(template: BundleTemplate, draft: GuideDraft, ctx: GuidanceContext, prefillData?: PrefillData): DraftErrors {
  const g = guide(template, draft, ctx, prefillData)
  const answerErrors: Record<string, string> = {}
  for (const q of g.questions.visible) if (!q.answered) answerErrors[q.question.id] = q.error ?? '请回答此问题'
  const fieldErrors: Record<string, string> = {}
  for (const f of g.fields.all) if (f.error) fieldErrors[f.id] = f.error
  for (const group of g.fields.groups) if (group.error) fieldErrors[group.id] = group.error
  const materialErrors: Record<string, string> = {}
  for (const m of g.materials) if (m.error) materialErrors[m.id] = m.error
  const ok =
    !g.blockers.length &&
    g.matters.length > 0 &&
    !g.delivery.error &&
    !g.delivery.handlingError &&
    !Object.keys(answerErrors).length &&
    !Object.keys(fieldErrors).length &&
    !Object.keys(materialErrors).length
  const out: DraftErrors = { ok, messages: g.blockers, fieldErrors, materialErrors, answerErrors }
  if (g.delivery.error) out.deliveryError = g.delivery.error
  if (g.delivery.handlingError) out.handlingError = g.delivery.handlingError
  if (g.stop) out.stop = g.stop
  return out
}

/**
 * The content the departments receive: locked values written in, only the effective choice of each material
 * that applies, values and items of fields on the form. What the platform stores for a case.
 */
export function effectiveContent<D extends GuideDraft>(draft: D, g: Guidance): D {
  const values: Record<string, string> = {}
  for (const f of g.fields.all) {
    if (f.id.includes('~')) continue
    if (f.prefill) values[f.id] = f.prefill.value
    else if (own(draft.values, f.id)) values[f.id] = draft.values[f.id]
  }
  const materials: Record<string, MaterialChoice> = {}
  for (const m of g.materials) if (m.choice) materials[m.id] = m.choice
  const out: D = { ...draft, values, materials }
  if (draft.items) out.items = Object.fromEntries(g.fields.groups.map((x) => [x.id, draft.items?.[x.id] ?? []]))
  return out
}

const APPLICANT_KINDS: Record<ApplicantKind, string> = { person: '个人', firm: '企业' }

function submitBlockers(template: BundleTemplate, ctx: GuidanceContext, stop: StopView | undefined, parties: PartyView[]): string[] {
  const out: string[] = []
  if (!offeredIn(template.regions, ctx.region)) out.push(`“${template.name}”在所选地区暂未开通`)
  if (ctx.accountKind && ctx.accountKind !== ctx.applicantKind)
    out.push(`当前登录的是${APPLICANT_KINDS[ctx.accountKind]}账号，不能以${APPLICANT_KINDS[ctx.applicantKind]}身份申请`)
  if (ctx.acting && ctx.acting.actor !== 'self' && ctx.acting.promiseAuthorised && !ctx.acting.authorisationId)
    out.push('代办人作出告知承诺须提供申请人的书面授权（授权书编号）')
  if (stop) out.push(`${stop.reason.replace(/[。.]$/, '')}。${stop.whatToDo}`)
  for (const p of parties) if (p.confirms && !p.confirmation) out.push(`还需${p.label}在本人账号中确认本申请（确认后才能提交）`)
  return out
}

const JOURNEY: JourneyStepId[] = ['questions', 'form', 'materials', 'delivery', 'review']

function saved(separate: number, bundle: number): number {
  return separate > 0 ? Math.max(0, Math.round(((separate - bundle) / separate) * 100)) : 0
}

/** Fields a matter would ask on its own: a group counts its fields once per item (at least one item). */
function separateFieldCount(id: string, ix: TemplateIndex, draft: GuideDraft): number {
  if (ix.fieldById.has(id)) return 1
  const g = ix.groupById.get(id)
  return g ? g.fields.length * Math.max(1, draft.items?.[g.id]?.length ?? 0) : 0
}

/** Where the applicant goes in person on this path: to collect the result, to show originals. */
function visitPlaces(draft: GuideDraft, ctx: GuidanceContext, materials: MaterialView[], ordered: Matter[]): string[] {
  const places = new Set<string>()
  for (const m of materials) {
    if (m.chosen !== 'original') continue
    const matter = ordered.find((x) => m.usedBy.includes(x.id))
    places.add(`到${matter?.location.address ?? '办理窗口'}核验原件`)
  }
  if (draft.delivery?.method === 'pickup') {
    const hall = ctx.halls?.find((h) => h.id === draft.delivery?.hallId)
    places.add(`到${hall?.name ?? '政务服务中心'}领取办理结果`)
  }
  return [...places]
}

/** Applicable matters with every `after` (among applicable ones) first; otherwise template order. */
function dependencyOrder(matters: Matter[], ix: TemplateIndex): Matter[] {
  const pending = [...matters].sort((a, b) => (ix.matterOrder.get(a.id) ?? 0) - (ix.matterOrder.get(b.id) ?? 0))
  const ids = new Set(pending.map((m) => m.id))
  const placed = new Set<string>()
  const out: Matter[] = []
  while (pending.length) {
    let i = pending.findIndex((m) => (m.after ?? []).every((a) => !ids.has(a) || placed.has(a)))
    if (i < 0) i = 0 // a cycle (parseTemplate rejects it): keep going in template order
    const [m] = pending.splice(i, 1)
    placed.add(m.id)
    out.push(m)
  }
  return out
}

function authorityFor(m: Matter, region: string, ix: TemplateIndex): string {
  const key = `${m.id}|${region}`
  let authority = ix.authorities.get(key)
  if (authority === undefined) {
    authority = pickByRegion(m.authority, region) ?? ''
    ix.authorities.set(key, authority)
  }
  return authority
}

/** The answers that turned a matter on: those without which it would no longer apply, else all it read. */
function because(m: Matter, scope: RuleScope, ix: TemplateIndex): 'always' | BecauseAnswer[] {
  if (m.appliesWhen === undefined) return 'always'
  const read = (ix.matterQuestionRefs.get(m.id) ?? []).filter((q) => own(scope.answers, q))
  // The rule reads only `read`, so a copy of those answers minus one is enough.
  const decisive = read.filter((q) => {
    const without: Answers = {}
    for (const r of read) if (r !== q) without[r] = scope.answers[r]
    return !holds(m.appliesWhen, { ...scope, answers: without })
  })
  return (decisive.length ? decisive : read).map((id) => {
    const q = ix.questionById.get(id)
    return {
      questionId: id,
      question: q?.text ?? id,
      answerLabel: q ? answerLabel(q, scope.answers[id]) : String(scope.answers[id]),
    }
  })
}

/** The bundle's worst legal case before any answer: the longest chain of 法定时限 over every matter. */
export function longestLegalWorkingDays(template: BundleTemplate, today = '2025-03-03'): number {
  const ordered = dependencyOrder(template.matters, templateIndex(template))
  return longestChain(ordered, new Set(ordered.map((m) => m.id)), (m) => inWorkingDays(today, m.legalLimitDays, m.limitUnit)).workingDays
}

/** Longest chain of a per-matter duration following `after` (matters are in dependency order). */
function longestChain(ordered: Matter[], applicable: Set<string>, days: (m: Matter) => number): CriticalPath {
  const best = new Map<string, CriticalPath>()
  let top: CriticalPath = { matterIds: [], workingDays: 0 }
  for (const m of ordered) {
    let before: CriticalPath = { matterIds: [], workingDays: 0 }
    for (const a of m.after ?? []) {
      const p = applicable.has(a) ? best.get(a) : undefined
      if (p && p.workingDays > before.workingDays) before = p
    }
    const path = { matterIds: [...before.matterIds, m.id], workingDays: before.workingDays + days(m) }
    best.set(m.id, path)
    if (path.workingDays > top.workingDays || !top.matterIds.length) top = path
  }
  return top
}

function findStop(template: BundleTemplate, ctx: GuidanceContext, scope: RuleScope, nothingApplies: boolean, names: Record<string, string>): StopView | undefined {
  if (!template.applicantKinds.includes(ctx.applicantKind)) {
    return {
      id: '$applicant-kind',
      kind: 'not-eligible',
      reason: `本事项仅限${template.applicantKinds.map((k) => APPLICANT_KINDS[k]).join('或')}办理`,
      whatToDo: '请切换办事身份，或选择其他事项',
    }
  }
  const s = (template.stops ?? []).find((x) => holds(x.when, scope))
  if (s) {
    const fill = (text: string) => interpolate(text, scope.params, ctx.regionName, names)
    const view: StopView = { id: s.id, kind: s.kind, reason: fill(s.reason), whatToDo: fill(s.whatToDo) }
    if (s.otherBundleId) view.otherBundleId = s.otherBundleId
    if (s.where) view.where = { name: fill(s.where.name), address: fill(s.where.address), phone: fill(s.where.phone), ...(s.where.hours ? { hours: fill(s.where.hours) } : {}) }
    return view
  }
  if (nothingApplies) {
    // Real templates are checked so this cannot happen; say something useful anyway.
    return {
      id: '$nothing-applies',
      kind: 'go-to-window',
      reason: '根据您的回答，没有需要办理的事项',
      whatToDo: '请检查您的回答，或咨询办事窗口',
    }
  }
  return undefined
}

function deliveryGuidance(template: BundleTemplate, draft: GuideDraft, ctx: GuidanceContext, ordered: Matter[]): DeliveryGuidance {
  const handlingError = handlingErrorOf(template, draft)
  const needed = template.delivery.length > 0 || template.handling.length > 1
  if (!needed) return { needed: false, valid: true }
  const error = template.delivery.length ? deliveryError(template, draft, ctx) : undefined
  const out: DeliveryGuidance = { needed: true, valid: !error && !handlingError }
  if (error) out.error = error
  if (handlingError) out.handlingError = handlingError
  // the results belong to another party (二手房: the buyer's certificate): their address, not the filer's
  const owner = ordered.find((m) => m.result.party && m.result.party !== template.parties?.[0]?.id)?.result.party
  const party = owner ? template.parties?.find((p) => p.id === owner) : undefined
  if (party) out.recipientParty = { id: party.id, label: party.label }
  return out
}

/** 全程网办 or offline must be chosen when the bundle offers both. */
function handlingErrorOf(template: BundleTemplate, draft: GuideDraft): string | undefined {
  if (draft.handling && !template.handling.includes(draft.handling)) return '该办理方式不可用，请重新选择'
  if (template.handling.length > 1 && !draft.handling) return '请选择办理方式'
  return undefined
}

function deliveryError(template: BundleTemplate, draft: GuideDraft, ctx: GuidanceContext): string | undefined {
  const d = draft.delivery
  if (!d) return '请选择办理结果的领取方式'
  if (!template.delivery.includes(d.method)) return '该领取方式不可用，请重新选择'
  if (d.method === 'pickup' && ctx.halls?.length) {
    if (!d.hallId) return '请选择领取结果的政务服务中心'
    if (!ctx.halls.some((h) => h.id === d.hallId)) return '所选的领取窗口不存在，请重新选择'
  }
  if (d.method !== 'ems') return undefined
  const a = d.address
  if (!a) return '请填写邮寄地址'
  if (!a.recipient?.trim()) return '请填写收件人'
  const mobile = validateMobile(a.mobile ?? '', { label: '收件人手机号码' })
  if (!mobile.ok) return mobile.message
  if (!/^\d{6}$/.test(a.region ?? '')) return '请选择收件地区'
  if (!a.detail?.trim()) return '请填写详细地址'
  return undefined
}
