// The journey's navigation and the glue between stores and the engine. Pure functions: pages call these and
// never decide an order, a requirement or a rule themselves.
import type {
  ActingFor,
  Delivery,
  DeliveryChoice,
  Guidance,
  GuidanceContext,
  GuidanceSummary,
  JourneyStepId,
  LicenceKind,
  LicenceKindInfo,
  MaterialChoice,
  MaterialMode,
  MaterialView,
  Question,
} from '@/domain'
import { proxyPromiseRefusal } from '@/domain/assist/grants'
import { deceasedIdNumberProblem, deceasedRecordStanding } from '@/domain/deceased'
import { licenceNamesOf } from '@/domain/template/licence-kinds'
import { hallsOf, regionName, type Region, type ServiceHall } from '@/services/contract'
import type { JourneyPlace, LocalDraft } from './draft'
import { consentedLicences, heldLicenceKinds, type SessionState } from './session'

// routes, draft URLs and step labels live in ./routes (small: the home page needs them, not the rest)
export { ROUTES, STEP_LABELS, urlOf, type RouteName } from './routes'
export { hallName } from './catalogue'

/**
 * What the engine needs about the applicant: the same facts the platform uses for its check (mock/server/
 * cases.ts contextOf), so both judge a draft alike. Halls are judged once the region list is loaded.
 */
export function guidanceContext(
  draft: Pick<LocalDraft, 'content' | 'acting'> & { remote?: LocalDraft['remote'] },
  session: Pick<SessionState, 'profile' | 'licences' | 'licenceData'>,
  now: string,
  regions?: Region[],
  licenceKinds?: LicenceKindInfo[],
): GuidanceContext {
  const ctx: GuidanceContext = {
    region: draft.content.region,
    applicantKind: draft.content.applicantKind,
    licences: heldLicenceKinds(session),
    now,
    acting: draft.acting,
    consented: Object.keys(consentedLicences(session)) as LicenceKind[],
  }
  if (session.profile) {
    // a draft for a firm the person may act for is the firm's (the platform checks the firm)
    ctx.accountKind = draft.content.firm ? 'firm' : session.profile.kind
    if (session.profile.promiseBarred) ctx.promiseBarred = true
  }
  if (regions?.length) {
    ctx.halls = hallsOf(regions)
    const name = regionName(regions, draft.content.region)
    if (name) ctx.regionName = name
  }
  if (licenceKinds?.length) ctx.licenceNames = licenceNamesOf(licenceKinds)
  if (draft.remote?.confirmations) ctx.confirmations = draft.remote.confirmations
  return ctx
}

/** The question to show: the one asked for if it is visible now, else the first one still to answer. */
export function currentQuestion(g: Guidance, questionId?: string): Question | undefined {
  const visible = g.questions.visible
  return visible.find((v) => v.question.id === questionId)?.question ?? g.questions.next ?? visible[visible.length - 1]?.question
}

/** Position for "问题 2 / 共 4" (the count follows the answers). */
export function questionPosition(g: Guidance, questionId: string): { index: number; total: number } {
  // counted as asked: questions answered from data are confirmed on 核对信息, not asked one by one
  const asked = g.questions.visible.filter((v) => !v.fromData || v.question.id === questionId)
  return { index: asked.findIndex((v) => v.question.id === questionId) + 1, total: asked.length }
}

const STEPS: JourneyStepId[] = ['questions', 'form', 'materials', 'delivery', 'review']

function stepAfter(g: Guidance, step: JourneyStepId): JourneyStepId {
  let i = STEPS.indexOf(step) + 1
  if (STEPS[i] === 'delivery' && !g.delivery.needed) i++
  return STEPS[Math.min(i, STEPS.length - 1)]
}

/**
 * Where "继续" leads from a question: the next visible question; after the last one, the first one still
 * unanswered; when all are answered, `returnTo` (the review's 修改 link) or the form.
 */
export function afterQuestion(g: Guidance, questionId: string, returnTo?: JourneyStepId): JourneyPlace {
  // questions answered from data the platform holds are not asked (the citizen confirms them on 核对信息)
  const visible = g.questions.visible.filter((v) => !v.fromData || v.question.id === questionId)
  const i = visible.findIndex((v) => v.question.id === questionId)
  const unanswered = g.questions.next
  if (returnTo) return unanswered ? { step: 'questions', questionId: unanswered.id } : { step: returnTo }
  const following = i >= 0 ? visible[i + 1] : undefined
  if (following) return { step: 'questions', questionId: following.question.id }
  if (unanswered) return { step: 'questions', questionId: unanswered.id }
  return { step: stepAfter(g, 'questions') }
}

/** Where "继续" leads from a later step. */
export function afterStep(g: Guidance, step: Exclude<JourneyStepId, 'questions' | 'review'>): JourneyPlace {
  return { step: stepAfter(g, step) }
}

/** Where the back link leads. */
export function placeBefore(g: Guidance, place: JourneyPlace): JourneyPlace {
  const visible = g.questions.visible.filter((v) => !v.fromData || v.question.id === place.questionId)
  const lastQuestion = visible[visible.length - 1]?.question.id
  switch (place.step) {
    case 'guide':
      return { step: 'guide' }
    case 'questions': {
      const i = visible.findIndex((v) => v.question.id === place.questionId)
      return i > 0 ? { step: 'questions', questionId: visible[i - 1].question.id } : { step: 'guide' }
    }
    case 'form':
      return { step: 'questions', questionId: lastQuestion }
    case 'materials':
      return { step: 'form' }
    case 'delivery':
      return { step: 'materials' }
    case 'review':
      return g.delivery.needed ? { step: 'delivery' } : { step: 'materials' }
  }
}

/** May the citizen be on this step yet? (questions done before the form, and so on) */
export function canVisit(g: Guidance, step: JourneyStepId): boolean {
  return g.journey.find((s) => s.id === step)?.canVisit ?? false
}

/** The furthest step the citizen may be on, for a page opened too early. */
export function furthestPlace(g: Guidance): JourneyPlace {
  const current = g.journey.find((s) => s.status === 'current')?.id ?? 'questions'
  return current === 'questions' ? { step: 'questions', questionId: g.questions.next?.id } : { step: current }
}

export function summaryText(s: GuidanceSummary): string {
  if (s.stopped) return '根据您的回答，这件事暂不能在线办理：请看下面的说明'
  // before the answers name any matter: no "需办理 0 个事项"
  if (s.matterCount === 0) return '回答问题后，这里会显示要办几个事项、准备几份材料'
  const days = s.workingDays > 0 ? `预计 ${s.workingDays} 个工作日` : '当场办结'
  return `需办理 ${s.matterCount} 个事项，需准备 ${s.materialCount} 份材料，${days}`
}

/** Material errors to show on 继续: the engine's (consent included), and files still on their way. */
export function materialErrors(g: Guidance, uploading: string[] = []): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of g.materials) {
    if (m.chosen === 'upload' && uploading.includes(m.id)) out[m.id] = `${m.material.name}还在上传，请稍候`
    else if (m.error) out[m.id] = m.error
  }
  return out
}

/** Why 告知承诺 is not offered for a material that has a promise text. */
export function promiseUnavailableReason(m: MaterialView, acting: ActingFor, promiseBarred = false): string | undefined {
  if (!m.material.promise || m.modes.includes('promise')) return undefined
  if (promiseBarred) return '您暂不符合告知承诺条件（存在严重失信记录或曾作出不实承诺），请提供证明材料。'
  if (acting.actor !== 'self' && !acting.promiseAuthorised) return proxyPromiseRefusal(m.material.name)
  return undefined
}

/** Licence kinds the form could prefill from that the citizen holds but has not agreed to use yet. */
export function licencesToOffer(g: Guidance, held: LicenceKind[], consented: Partial<Record<LicenceKind, unknown>>): LicenceKind[] {
  const kinds = new Set<LicenceKind>()
  for (const f of g.fields.all) {
    const p = f.field.prefill
    if (p?.source === 'licence' && held.includes(p.kind) && !consented[p.kind] && !f.prefill) kinds.add(p.kind)
  }
  return [...kinds]
}

/**
 * E-licences that would answer questions still to be asked (户口簿 → 户籍地, 社保卡 → 缴费年限): held, not yet
 * opened in this session. Offered on the question page, so the questions they answer are not asked.
 */
export function questionLicenceOffers(g: Guidance, held: LicenceKind[], loaded: Partial<Record<LicenceKind, unknown>>): { kinds: LicenceKind[]; questions: number } {
  const kinds = new Set<LicenceKind>()
  let questions = 0
  for (const v of g.questions.visible) {
    const p = v.question.prefill
    if (v.answered || p?.source !== 'licence' || !held.includes(p.kind) || loaded[p.kind]) continue
    kinds.add(p.kind)
    questions++
  }
  return { kinds: [...kinds], questions }
}

/**
 * Questions records shared about someone else would answer (公民身后事: the deceased's), by record kind: still to
 * be answered, or already answered from them. Offered on the question page; nothing typed is replaced.
 */
export function sharedRecordQuestions(g: Guidance): { kind?: string; open: number; answered: number } {
  let kind: string | undefined
  let open = 0
  let answered = 0
  for (const v of g.questions.visible) {
    const p = v.question.prefill
    if (p?.source !== 'record') continue
    kind = kind ?? p.kind
    if (v.fromData) answered++
    else if (!v.answered) open++
  }
  return { kind, open, answered }
}

/**
 * Why a deceased's records are not asked for (公民身后事), or nothing: the ID number's problem (shown at the field)
 * or no tie the platform could check. The platform applies the same rules with the same messages
 * (domain/deceased.ts), so a number it would refuse is never sent. `today`: Beijing date.
 */
export function deceasedLookupRefusal(applicant: { idNumber?: string; heldLicences: LicenceKind[] }, idNumber: string, today: string): { error: string; field?: boolean } | undefined {
  const problem = deceasedIdNumberProblem(idNumber, applicant.idNumber, today)
  if (problem) return { error: problem, field: true }
  const holds = applicant.heldLicences.filter((k): k is 'household' | 'marriage' => k === 'household' || k === 'marriage')
  const standing = deceasedRecordStanding({ holds })
  return standing.ok ? undefined : { error: standing.message }
}

// ---------- choices the pages turn taps into ----------

/** The draft choice for a material mode the citizen picked; uploaded files are kept when switching back. */
export function choiceFor(mode: MaterialMode, materialId: string, draft: Pick<LocalDraft, 'files' | 'content'>): MaterialChoice {
  switch (mode) {
    case 'upload':
      return { mode, fileIds: Object.entries(draft.files).filter(([, f]) => f.materialId === materialId).map(([id]) => id) }
    case 'promise': {
      const before = draft.content.materials[materialId]
      return { mode, agreedAt: before?.mode === 'promise' ? before.agreedAt : '' }
    }
    default:
      return { mode }
  }
}

export interface AddressDefaults {
  recipient?: string
  mobile?: string
  region?: string
  detail?: string
}

/** A delivery choice for a method, starting from what was chosen before and the profile (all editable). */
export function deliveryFor(method: Delivery, before: DeliveryChoice | undefined, defaults: AddressDefaults, halls: { value: string }[]): DeliveryChoice {
  if (method === 'ems') {
    const a = before?.address
    return {
      method,
      address: {
        recipient: a?.recipient ?? defaults.recipient ?? '',
        mobile: a?.mobile ?? defaults.mobile ?? '',
        region: a?.region ?? defaults.region ?? '',
        detail: a?.detail ?? defaults.detail ?? '',
      },
    }
  }
  if (method === 'pickup') return { method, hallId: before?.hallId ?? halls[0]?.value, ...(before?.address ? { address: before.address } : {}) }
  return { method, ...(before?.address ? { address: before.address } : {}) }
}

export interface HallOption {
  value: string
  label: string
  help?: string
}

/**
 * Service halls (政务服务中心) where a result can be collected for a region: its own hall and those of the
 * regions above it, nearest first (GET /regions). The id is what delivery.hallId names.
 */
export function hallOptions(regions: Region[], region: string): HallOption[] {
  const out: HallOption[] = []
  const walk = (list: Region[]) => {
    for (const r of list) {
      const prefix = r.code.replace(/(00)+$/, '')
      if (!region.startsWith(prefix)) continue
      if (r.hall) out.unshift({ value: r.hall.id, label: `${r.hall.name}（${r.hall.address}）`, help: `${r.hall.hours}；电话 ${r.hall.phone}` })
      if (r.children) walk(r.children)
    }
  }
  walk(regions)
  return out
}

/** The service hall nearest a region (its own, else the city's, else the province's): where to go from a dead end. */
export function nearestHall(regions: Region[], region: string): ServiceHall | undefined {
  let best: { hall: ServiceHall; depth: number } | undefined
  const walk = (list: Region[], depth: number) => {
    for (const r of list) {
      if (!region.startsWith(r.code.replace(/(00)+$/, ''))) continue
      if (r.hall && (!best || depth > best.depth)) best = { hall: r.hall, depth }
      if (r.children) walk(r.children, depth + 1)
    }
  }
  walk(regions, 0)
  return best?.hall
}
