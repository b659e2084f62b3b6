// What the guide engine returns. Everything here is derived from (template, draft, context): never stored.
import type { DeliveryChoice, MaterialChoice, MaterialMode } from '../draft'
import type {
  AnswerValue,
  Answers,
  Field,
  LicenceKind,
  Material,
  Matter,
  ProfileKey,
  Question,
  Section,
  Stop,
} from '../template/types'

/** The part of a draft the engine reads (DraftContent fits). */
export interface GuideDraft {
  answers: Answers
  values: Record<string, string>
  materials: Record<string, MaterialChoice>
  delivery?: DeliveryChoice
  handling?: 'online' | 'offline'
}

/** Data the platform already holds about the applicant, used to prefill and lock fields. */
export interface PrefillData {
  profile?: Partial<Record<ProfileKey, string>>
  licences?: Partial<Record<LicenceKind, Record<string, string>>>
}

export interface QuestionView {
  question: Question
  /** answered with a value that is valid for the question */
  answered: boolean
  answer?: AnswerValue
  /** the answer in words, e.g. '是', '凉菜、现制饮品', '350平方米' */
  answerLabel?: string
  /** set when an answer is present but no longer valid (option withdrawn, out of range) */
  error?: string
}

export interface QuestionsGuidance {
  visible: QuestionView[]
  /** first visible question without a valid answer */
  next?: Question
  complete: boolean
  /** ids of answers kept in the draft but not used: their question is hidden now (or gone) */
  ignoredAnswers: string[]
}

export interface BecauseAnswer {
  questionId: string
  question: string
  answerLabel: string
}

export interface MatterView {
  id: string
  matter: Matter
  /** 实施机关 for the applicant's region */
  authority: string
  /**
   * 'always' when the matter has no condition; otherwise the answers that turned it on. Empty when
   * only the region (a parameter) decided.
   */
  because: 'always' | BecauseAnswer[]
}

export interface FieldPrefill {
  value: string
  /** e.g. 来自电子身份证, 来自实名信息 */
  sourceLabel: string
  locked: true
}

/**
 * Data the platform holds that differs from what the citizen typed: offered, never put in their place. All
 * fields from one source (a licence, the profile) come together, so a typed bank name and a licence's account
 * number never end up side by side.
 */
export interface PrefillOffer {
  /** e.g. 电子社保卡 */
  sourceLabel: string
  fields: { id: string; label: string; value: string; typed: string }[]
}

export interface FieldView {
  id: string
  field: Field
  /** matter ids that need this datum, in matter order */
  usedBy: string[]
  required: boolean
  prefill?: FieldPrefill
  /** the prefilled value when locked, else the typed one ('' when none) */
  value: string
  valid: boolean
  error?: string
  /** non-blocking remark from the validator */
  warning?: string
}

export interface FieldSectionView {
  section: Section
  fields: FieldView[]
}

export interface MaterialView {
  id: string
  material: Material
  usedBy: string[]
  /** available ways to satisfy it, least burden first */
  modes: MaterialMode[]
  /** the draft's choice when still available, else the default (never promise/defer: those are opt-in) */
  choice?: MaterialChoice
  chosen?: MaterialMode
  /** true when the choice comes from the draft rather than the default */
  explicit: boolean
  satisfied: boolean
  error?: string
}

export interface CriticalPath {
  matterIds: string[]
  workingDays: number
}

export interface DeadlineGuidance {
  /** the bundle's committed limit, 0 when every applicable matter is 即办件 */
  workingDays: number
  /** 'YYYY-MM-DD', Beijing time */
  expectedDate: string
  /** the holiday schedule of some year involved is not published yet */
  estimated: boolean
  /** longest chain of 法定办结时限 along `after` (matters done one after another) */
  legalWorkingDays: number
  /** longest chain of 承诺办结时限 along `after`, for information */
  criticalPath: CriticalPath
}

export interface StopView {
  id: string
  kind: Stop['kind']
  reason: string
  whatToDo: string
  otherBundleId?: string
}

export type JourneyStepId = 'questions' | 'form' | 'materials' | 'delivery' | 'review'

export interface JourneyStep {
  id: JourneyStepId
  status: 'done' | 'current' | 'todo'
  canVisit: boolean
}

export interface DeliveryGuidance {
  /** false when the template offers no delivery choice and no choice of handling */
  needed: boolean
  valid: boolean
  error?: string
  /** 全程网办 or 线下办理 not chosen (or not offered) */
  handlingError?: string
}

export interface GuidanceSummary {
  matterCount: number
  /** materials the applicant must act on (not covered by an e-licence or by an earlier matter) */
  materialCount: number
  expectedDate: string
  workingDays: number
}

export interface BurdenFigures {
  fields: number
  materials: number
  visits: number
}

export interface Burden {
  /** if each applicable matter were applied for on its own */
  separate: BurdenFigures
  /** in this bundle, with the current choices */
  bundle: BurdenFigures
  /** whole percentages saved, 0 when nothing to compare */
  savedPercent: BurdenFigures
}

export interface Guidance {
  questions: QuestionsGuidance
  matters: MatterView[]
  fields: { sections: FieldSectionView[]; all: FieldView[]; offers: PrefillOffer[] }
  materials: MaterialView[]
  departments: string[]
  deadline: DeadlineGuidance
  /** 到办事现场次数 of the bundle (the bundle's own promise, e.g. 最多跑一次) */
  visits: number
  delivery: DeliveryGuidance
  stop?: StopView
  /**
   * Why the application cannot be submitted, beyond any question, field, material or delivery error: the
   * region, the account, a proxy's authorisation, a stop. Same words on the phone and from the platform.
   */
  blockers: string[]
  journey: JourneyStep[]
  summary: GuidanceSummary
  burden: Burden
}

export interface DraftErrors {
  ok: boolean
  /** Guidance.blockers */
  messages: string[]
  fieldErrors: Record<string, string>
  materialErrors: Record<string, string>
  answerErrors: Record<string, string>
  deliveryError?: string
  handlingError?: string
  /** a stop blocks submission */
  stop?: StopView
}
