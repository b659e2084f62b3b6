// 智能导办: from the template, the draft and the applicant's context, everything the screens show.
// Pure and deterministic: the current time comes in ctx.now; nothing here is stored.
import { addWorkingDays, toBeijingDate } from '../calendar'
import type { GuidanceContext, MaterialChoice, MaterialMode } from '../draft'
import { holds, offeredIn, pickByRegion, type RuleScope } from '../rules'
import type { Answers, ApplicantKind, BundleTemplate, Field, Material, Matter } from '../template/types'
import { validateFieldValue, validateMobile } from '../validators'
import { answerError, answerLabel } from './answers'
import { paramsFor, templateIndex, type TemplateIndex } from './indexes'
import { LICENCE_NAMES, licenceShortName } from './labels'
import type {
  BecauseAnswer,
  Burden,
  BurdenFigures,
  CriticalPath,
  DeliveryGuidance,
  DraftErrors,
  FieldPrefill,
  FieldSectionView,
  FieldView,
  GuideDraft,
  Guidance,
  JourneyStep,
  JourneyStepId,
  MaterialView,
  MatterView,
  PrefillData,
  PrefillOffer,
  QuestionView,
  StopView,
} from './types'

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key)

export function guide(template: BundleTemplate, draft: GuideDraft, ctx: GuidanceContext, prefillData?: PrefillData): Guidance {
  const ix = templateIndex(template)
  const today = toBeijingDate(ctx.now)
  // Filled question by question: only answers to visible questions, valid for their kind, count.
  const effective: Answers = {}
  const scope: RuleScope = { answers: effective, region: ctx.region, applicantKind: ctx.applicantKind, params: paramsFor(template, ctx.region) }

  // --- questions (showWhen may only read earlier questions) ---
  const visible: QuestionView[] = []
  const visibleIds = new Set<string>()
  for (const q of template.questions) {
    if (!holds(q.showWhen, scope)) continue
    visibleIds.add(q.id)
    const view: QuestionView = { question: q, answered: false }
    if (own(draft.answers, q.id) && draft.answers[q.id] !== undefined) {
      const value = draft.answers[q.id]
      view.answer = value
      const error = answerError(q, value)
      if (error) view.error = error
      else {
        view.answered = true
        view.answerLabel = answerLabel(q, value)
        effective[q.id] = value
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

  // --- fields: each datum once ---
  const fieldUsers = new Map<string, string[]>()
  for (const m of ordered)
    for (const f of m.fields) {
      if (!ix.fieldById.has(f)) continue
      const users = fieldUsers.get(f) ?? []
      if (!users.includes(m.id)) users.push(m.id)
      fieldUsers.set(f, users)
    }
  const formFields = [...fieldUsers.keys()]
    .map((id) => ix.fieldById.get(id) as Field)
    .sort((a, b) => (ix.sectionOrder.get(a.section) ?? 1e9) - (ix.sectionOrder.get(b.section) ?? 1e9) || (ix.fieldOrder.get(a.id) ?? 0) - (ix.fieldOrder.get(b.id) ?? 0))
  const prefills = prefillsFor(formFields, draft, ctx, prefillData)
  const fieldViews = formFields.map((f) => fieldView(f, fieldUsers.get(f.id) ?? [], draft, scope, today, prefills.locked.get(f.id)))
  const sections: FieldSectionView[] = []
  for (const section of template.sections) {
    const fields = fieldViews.filter((f) => f.field.section === section.id)
    if (fields.length) sections.push({ section, fields })
  }

  // --- materials: deduplicated checklist ---
  const materialUsers = new Map<string, string[]>()
  let separateMaterials = 0
  for (const m of ordered)
    for (const ref of m.materials) {
      if (!ix.materialById.has(ref.ref) || !holds(ref.when, scope)) continue
      separateMaterials++
      const users = materialUsers.get(ref.ref) ?? []
      if (!users.includes(m.id)) users.push(m.id)
      materialUsers.set(ref.ref, users)
    }
  const promiseAllowed = !ctx.promiseBarred && (!ctx.acting || ctx.acting.actor === 'self' || ctx.acting.promiseAuthorised)
  const materials = [...materialUsers.keys()]
    .map((id) => ix.materialById.get(id) as Material)
    .sort((a, b) => (ix.materialOrder.get(a.id) ?? 0) - (ix.materialOrder.get(b.id) ?? 0))
    .map((m) => materialView(m, materialUsers.get(m.id) ?? [], draft, ctx, applicable, promiseAllowed))

  // --- departments, deadline ---
  const departments = [...new Set(ordered.map((m) => m.department))]
  const workingDays = ordered.every((m) => m.caseType === 'instant') ? 0 : template.promisedLimitDays
  const due = dueDate(today, workingDays)
  const deadline = {
    workingDays,
    expectedDate: due.date,
    estimated: due.estimated,
    legalWorkingDays: longestChain(ordered, applicable, (m) => m.legalLimitDays).workingDays,
    criticalPath: longestChain(ordered, applicable, (m) => m.promisedLimitDays),
  }

  // --- stop ---
  const stop = findStop(template, ctx.applicantKind, scope, questions.complete && ordered.length === 0)

  // --- delivery and handling ---
  const delivery = deliveryGuidance(template, draft, ctx)

  // --- what blocks submission beyond the steps' own errors ---
  const blockers = submitBlockers(template, ctx, stop)

  // --- journey: derived, never stored ---
  const done = [
    questions.complete && !stop && ordered.length > 0,
    fieldViews.every((f) => f.valid),
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

  // --- summary and burden ---
  const summary = {
    matterCount: ordered.length,
    materialCount: materials.filter((m) => m.chosen !== 'in-bundle' && m.chosen !== 'licence').length,
    expectedDate: deadline.expectedDate,
    workingDays,
  }
  const separate: BurdenFigures = {
    fields: ordered.reduce((n, m) => n + m.fields.filter((f) => ix.fieldById.has(f)).length, 0),
    materials: separateMaterials,
    visits: ordered.reduce((n, m) => n + m.visits, 0),
  }
  const bundle: BurdenFigures = {
    fields: fieldViews.filter((f) => !f.prefill).length,
    materials: materials.filter((m) => m.chosen === 'upload' || m.chosen === 'window' || m.chosen === 'defer').length,
    visits: template.visits,
  }
  const burden: Burden = {
    separate,
    bundle,
    savedPercent: { fields: saved(separate.fields, bundle.fields), materials: saved(separate.materials, bundle.materials), visits: saved(separate.visits, bundle.visits) },
  }

  return {
    questions,
    matters,
    fields: { sections, all: fieldViews, offers: prefills.offers },
    materials,
    departments,
    deadline,
    visits: template.visits,
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

const APPLICANT_KINDS: Record<ApplicantKind, string> = { person: '个人', firm: '企业' }

function submitBlockers(template: BundleTemplate, ctx: GuidanceContext, stop: StopView | undefined): string[] {
  const out: string[] = []
  if (!offeredIn(template.regions, ctx.region)) out.push(`“${template.name}”在所选地区暂未开通`)
  if (ctx.accountKind && ctx.accountKind !== ctx.applicantKind)
    out.push(`当前登录的是${APPLICANT_KINDS[ctx.accountKind]}账号，不能以${APPLICANT_KINDS[ctx.applicantKind]}身份申请`)
  if (ctx.acting && ctx.acting.actor !== 'self' && ctx.acting.promiseAuthorised && !ctx.acting.authorisationId)
    out.push('代办人作出告知承诺须提供申请人的书面授权（授权书编号）')
  if (stop) out.push(`${stop.reason.replace(/[。.]$/, '')}。${stop.whatToDo}`)
  return out
}

// addWorkingDays walks day by day; the same (day, limit) pair comes back on every keystroke.
const dueCache = new Map<string, { date: string; estimated: boolean }>()
function dueDate(today: string, days: number): { date: string; estimated: boolean } {
  const key = `${today}|${days}`
  let due = dueCache.get(key)
  if (!due) {
    if (dueCache.size > 64) dueCache.clear()
    due = addWorkingDays(today, days)
    dueCache.set(key, due)
  }
  return due
}

const JOURNEY: JourneyStepId[] = ['questions', 'form', 'materials', 'delivery', 'review']

function saved(separate: number, bundle: number): number {
  return separate > 0 ? Math.max(0, Math.round(((separate - bundle) / separate) * 100)) : 0
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

function fieldView(field: Field, usedBy: string[], draft: GuideDraft, scope: RuleScope, today: string, prefill: FieldPrefill | undefined): FieldView {
  const required = field.requiredWhen !== undefined ? holds(field.requiredWhen, scope) : !field.optional
  const value = prefill?.value ?? typedValue(draft, field.id)
  const result = validateFieldValue(field, value, { today, required, origin: prefill ? 'external' : 'typed' })
  const view: FieldView = { id: field.id, field, usedBy, required, value, valid: result.ok }
  if (prefill) view.prefill = prefill
  if (result.ok) {
    if (result.warning) view.warning = result.warning
  } else view.error = result.message
  return view
}

const typedValue = (draft: GuideDraft, id: string) => (own(draft.values, id) ? draft.values[id] ?? '' : '')

/** The value a field's prefill source holds, when the applicant may be prefilled from it. */
function sourceValue(field: Field, ctx: GuidanceContext, data?: PrefillData): { source: string; label: string; value: string } | undefined {
  const p = field.prefill
  if (!p || !data) return undefined
  if (p.source === 'profile') {
    const value = data.profile?.[p.key]
    return value ? { source: 'profile', label: '实名信息', value } : undefined
  }
  if (ctx.consented && !ctx.consented.includes(p.kind)) return undefined
  const value = data.licences?.[p.kind]?.[p.key]
  return value ? { source: `licence:${p.kind}`, label: `电子${licenceShortName(p.kind)}`, value } : undefined
}

/**
 * Prefilled (locked) values, and offers where the citizen typed something else. Nothing typed is replaced:
 * when any field of a source was typed differently, every field of that source is offered instead of locked.
 */
function prefillsFor(fields: Field[], draft: GuideDraft, ctx: GuidanceContext, data?: PrefillData): { locked: Map<string, FieldPrefill>; offers: PrefillOffer[] } {
  const bySource = new Map<string, { label: string; fields: { field: Field; value: string; typed: string }[] }>()
  for (const f of fields) {
    const found = sourceValue(f, ctx, data)
    if (!found) continue
    const entry = bySource.get(found.source) ?? { label: found.label, fields: [] }
    entry.fields.push({ field: f, value: found.value, typed: typedValue(draft, f.id) })
    bySource.set(found.source, entry)
  }
  const locked = new Map<string, FieldPrefill>()
  const offers: PrefillOffer[] = []
  for (const { label, fields: found } of bySource.values()) {
    const differs = found.some((x) => x.typed.trim() !== '' && x.typed !== x.value)
    if (!differs) for (const x of found) locked.set(x.field.id, { value: x.value, sourceLabel: `来自${label}`, locked: true })
    else offers.push({ sourceLabel: label, fields: found.map((x) => ({ id: x.field.id, label: x.field.label, value: x.value, typed: x.typed })) })
  }
  return { locked, offers }
}

function defaultChoice(mode: MaterialMode): MaterialChoice | undefined {
  switch (mode) {
    case 'in-bundle':
    case 'licence':
    case 'window':
      return { mode }
    case 'upload':
      return { mode, fileIds: [] }
    default:
      return undefined // promise and defer only when the applicant chooses them
  }
}

function materialView(
  m: Material,
  usedBy: string[],
  draft: GuideDraft,
  ctx: GuidanceContext,
  applicable: Set<string>,
  promiseAllowed: boolean,
): MaterialView {
  const modes: MaterialMode[] = []
  if (m.producedBy && applicable.has(m.producedBy)) modes.push('in-bundle')
  if (m.licence && ctx.licences.includes(m.licence)) modes.push('licence')
  if (m.windowVerified) modes.push('window')
  if (m.upload) modes.push('upload')
  if (m.promise && promiseAllowed) modes.push('promise')
  if (m.deferrable) modes.push('defer')

  const drafted = own(draft.materials, m.id) ? draft.materials[m.id] : undefined
  const explicit = !!drafted && modes.includes(drafted.mode)
  // A choice the applicant cannot make is refused, not silently swapped: they choose again.
  const refused = drafted && !explicit ? refusal(drafted.mode, m, ctx) : undefined
  let choice: MaterialChoice | undefined = explicit ? drafted : undefined
  for (const mode of modes) {
    if (choice || refused) break
    choice = defaultChoice(mode)
  }

  let error: string | undefined
  if (refused) error = refused
  else if (!choice) error = modes.length ? `请选择${m.name}的提交方式` : `${m.name}暂无可用的提交方式，请咨询办事窗口`
  else if (choice.mode === 'upload') {
    if (!choice.fileIds.length) error = `请上传${m.name}`
    else if (m.upload && choice.fileIds.length > m.upload.maxCount) error = `${m.name}最多上传${m.upload.maxCount}个文件`
  } else if (choice.mode === 'promise' && !choice.agreedAt) error = `请阅读并同意${m.name}的承诺内容`
  else if (choice.mode === 'licence' && m.licence && ctx.consented && !ctx.consented.includes(m.licence))
    error = `请同意使用电子${LICENCE_NAMES[m.licence]}，或选择其他提交方式`

  const view: MaterialView = { id: m.id, material: m, usedBy, modes, explicit, satisfied: !error }
  if (choice) {
    view.choice = choice
    view.chosen = choice.mode
  }
  if (error) view.error = error
  return view
}

/** Why a way of providing a material the draft names is not open to this applicant. */
function refusal(mode: MaterialMode, m: Material, ctx: GuidanceContext): string {
  switch (mode) {
    case 'promise':
      if (!m.promise) return `${m.name}不适用告知承诺，请以其他方式提交`
      if (ctx.promiseBarred) return `您暂不符合告知承诺条件，请以其他方式提交${m.name}`
      return `代办人须取得申请人书面授权后才能承诺，请以其他方式提交${m.name}`
    case 'licence':
      return `未查到您的电子证照，不能以电子证照提交${m.name}`
    case 'window':
      return `${m.name}没有窗口核验记录，请以其他方式提交`
    case 'defer':
      return `${m.name}不适用容缺受理，请现在提交`
    case 'in-bundle':
      return `${m.name}不会由本次办理产生，请以其他方式提交`
    default:
      return `${m.name}不能以此方式提交，请重新选择`
  }
}

/** The bundle's worst legal case before any answer: the longest chain of 法定时限 over every matter. */
export function longestLegalWorkingDays(template: BundleTemplate): number {
  const ordered = dependencyOrder(template.matters, templateIndex(template))
  return longestChain(ordered, new Set(ordered.map((m) => m.id)), (m) => m.legalLimitDays).workingDays
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

function findStop(template: BundleTemplate, kind: ApplicantKind, scope: RuleScope, nothingApplies: boolean): StopView | undefined {
  if (!template.applicantKinds.includes(kind)) {
    return {
      id: '$applicant-kind',
      kind: 'not-eligible',
      reason: `本事项仅限${template.applicantKinds.map((k) => APPLICANT_KINDS[k]).join('或')}办理`,
      whatToDo: '请切换办事身份，或选择其他事项',
    }
  }
  const s = (template.stops ?? []).find((x) => holds(x.when, scope))
  if (s) {
    const view: StopView = { id: s.id, kind: s.kind, reason: s.reason, whatToDo: s.whatToDo }
    if (s.otherBundleId) view.otherBundleId = s.otherBundleId
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

function deliveryGuidance(template: BundleTemplate, draft: GuideDraft, ctx: GuidanceContext): DeliveryGuidance {
  const handlingError = handlingErrorOf(template, draft)
  const needed = template.delivery.length > 0 || template.handling.length > 1
  if (!needed) return { needed: false, valid: true }
  const error = template.delivery.length ? deliveryError(template, draft, ctx) : undefined
  const out: DeliveryGuidance = { needed: true, valid: !error && !handlingError }
  if (error) out.error = error
  if (handlingError) out.handlingError = handlingError
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
  if (d.method === 'pickup' && ctx.hallIds?.length) {
    if (!d.hallId) return '请选择领取结果的政务服务中心'
    if (!ctx.hallIds.includes(d.hallId)) return '所选的领取窗口不存在，请重新选择'
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
