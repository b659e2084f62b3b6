// What the guide engine returns. Everything here is derived from (template, draft, context): never stored.
import type { DeliveryChoice, GroupItem, MaterialChoice, MaterialMode, PartyConfirmation } from '../draft'
import type {
  AnswerValue,
  Answers,
  Field,
  Group,
  LicenceKind,
  Material,
  Matter,
  UncountedPeriod,
  Place,
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
  items?: Record<string, GroupItem[]>
  delivery?: DeliveryChoice
  handling?: 'online' | 'offline'
}

/** Data the platform already holds about the applicant, used to prefill and lock fields. */
export interface PrefillData {
  profile?: Partial<Record<ProfileKey, string>>
  licences?: Partial<Record<LicenceKind, Record<string, string>>>
  /** records shared with this applicant for this draft (the deceased's), each value with its department's source */
  records?: Partial<Record<string, Record<string, SharedRecordValue>>>
}

/** One shared value and where it comes from, e.g. { value: 'retired', source: '人社部门养老保险记录' }. */
export interface SharedRecordValue {
  value: string
  source: string
}

export interface QuestionView {
  question: Question
  /** the help text with `{地区}` and parameters filled in */
  help?: string
  /** option helps that name `{地区}`, parameters or retirement dates, filled in, by option value */
  optionHelp?: Record<string, string>
  /** answered from data the platform holds (not asked): shown on 核对信息 to confirm */
  fromData?: { sourceLabel: string }
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
  /** the field's id; for an item of a repeatable group `${fieldId}~${itemKey}` */
  id: string
  field: Field
  /** the help text with `{地区}` and parameters filled in */
  help?: string
  /** option helps that name `{地区}`, parameters or retirement dates, filled in, by option value */
  optionHelp?: Record<string, string>
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
  /** date fields: the bounds resolved for today and the other answers ('YYYY-MM-DD'), for the date picker */
  minDate?: string
  maxDate?: string
}

export interface GroupItemView {
  key: string
  /** 股东 1 */
  label: string
  fields: FieldView[]
}

export interface GroupView {
  id: string
  group: Group
  usedBy: string[]
  items: GroupItemView[]
  /** too few or too many items */
  error?: string
  canAdd: boolean
  canRemove: boolean
}

export interface FieldSectionView {
  section: Section
  fields: FieldView[]
  groups: GroupView[]
}

export interface MaterialView {
  /** the material's id; once per item of a repeatable group `${materialId}~${itemKey}` */
  id: string
  material: Material
  /** needed for one item of a repeatable group: which (股东 1 张三) */
  item?: { groupId: string; key: string; label: string }
  /** several parties: the party whose material it is, when not the one filing (they promise when confirming) */
  party?: { id: string; label: string }
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

export interface MatterDeadline {
  matterId: string
  name: string
  /** 即办件 on this path (告知承诺 chosen can make a permit instant) */
  caseType: 'instant' | 'promised'
  legal: { days: number; unit: 'workday' | 'day' }
  /** the legal limit counted in working days from today (a natural-day limit through the calendar) */
  legalWorkingDays: number
  promised: { days: number; unit: 'workday' | 'day' }
  /** 'YYYY-MM-DD': today + the promised limit in its unit */
  dueDate: string
  estimated: boolean
  /** periods that do not count (公示, 检测, 补正): the due date moves by as long as they last */
  paused: UncountedPeriod[]
}

export interface DeadlineGuidance {
  /** per applicable matter, in dependency order */
  matters: MatterDeadline[]
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
  /** texts with `{地区}` and parameters filled in */
  reason: string
  whatToDo: string
  otherBundleId?: string
  /** where to go (the template's, filled in); none: the region's service hall */
  where?: Place
}

export interface FeeView {
  matterId: string
  matterName: string
  item: string
  amountYuan: number
  basis?: string
  /** not from a published source: shown 示例 */
  sample: boolean
}

export interface ContributionView {
  matterId: string
  matterName: string
  item: string
  amountText: string
  basis?: string
  sample: boolean
}

/** The applicant's statutory retirement (2024 decision), when the bundle asks for it and the data allow. */
export interface RetirementView {
  /** 60岁3个月 */
  age: string
  /** 'YYYY-MM-DD' */
  date: string
  reached: boolean
  minimumContributionYears: number
  /** the window for flexible retirement: earliest and latest 'YYYY-MM-DD' */
  earliest: string
  latest: string
}

export interface PartyView {
  id: string
  label: string
  /** the party filing */
  initiator: boolean
  confirms: boolean
  confirmation?: PartyConfirmation
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
  /** several parties: the results belong to this party (their address, not the filer's) */
  recipientParty?: { id: string; label: string }
  valid: boolean
  error?: string
  /** 全程网办 or 线下办理 not chosen (or not offered) */
  handlingError?: string
}

export interface GuidanceSummary {
  /** a dead end on this path: nothing is counted behind it */
  stopped: boolean
  matterCount: number
  /** materials the applicant must act on (not covered by an e-licence or by an earlier matter) */
  materialCount: number
  expectedDate: string
  workingDays: number
}

export interface BurdenFigures {
  fields: number
  /** materials the applicant provides (uploaded, brought as originals, or to supply later) */
  materials: number
  visits: number
}

/** What the applicant actually does in this bundle, with the current choices. */
export interface BundleBurden extends BurdenFigures {
  uploads: number
  originals: number
  deferred: number
  /** 告知承诺 made instead of proofs (not materials) */
  promises: number
  /** where each visit goes, e.g. 到长沙市政务服务中心领取结果 */
  places: string[]
}

export interface Burden {
  /** if each applicable matter were applied for on its own */
  separate: BurdenFigures
  bundle: BundleBurden
  /** whole percentages saved, 0 when nothing to compare */
  savedPercent: BurdenFigures
}

export interface Guidance {
  questions: QuestionsGuidance
  matters: MatterView[]
  /** `all`: every field view (items of groups included); `groups`: every repeatable group on the form */
  fields: { sections: FieldSectionView[]; all: FieldView[]; groups: GroupView[]; offers: PrefillOffer[] }
  materials: MaterialView[]
  departments: string[]
  deadline: DeadlineGuidance
  /** 到办事现场次数 of the bundle on this path (the bundle's own promise, e.g. 最多跑一次) */
  visits: number
  /** fees on this path and region; contributions (社保、医保缴费) apart */
  fees: FeeView[]
  feeTotalYuan: number
  contributions: ContributionView[]
  /** several parties: who files, who must confirm, who has */
  parties: PartyView[]
  /** the statutory retirement age and date, for bundles that work it out (退休, 灵活就业) */
  retirement?: RetirementView
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
  /** by field id (`${fieldId}~${itemKey}` in a group) and by group id for too few or too many items */
  fieldErrors: Record<string, string>
  materialErrors: Record<string, string>
  answerErrors: Record<string, string>
  deliveryError?: string
  handlingError?: string
  /** a stop blocks submission */
  stop?: StopView
}
