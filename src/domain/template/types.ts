// 一事一导 bundle guide template: the data a province officer edits. No code is specific to one bundle.
// The runtime check for these types lives in ./schema.ts; keep both in step.

/** 个人 / 法人 */
export type ApplicantKind = 'person' | 'firm'

/** Region code (GB/T 2260), e.g. '430000' 湖南省, '430100' 长沙市, '420000' 湖北省. Matching is by prefix. */
export type RegionCode = string

/**
 * An e-licence kind (trust level A), e.g. 'idCard', 'socialSecurityCard'. Catalogue data, not code: the
 * platform lists the kinds it can supply with their names, issuers and what each prefills (GET
 * /licence-kinds, mock/catalogue/licences.json); the template checker checks templates against that list.
 */
export type LicenceKind = string

/** What the platform says about one e-licence kind. */
export interface LicenceKindInfo {
  kind: LicenceKind
  /** 居民身份证 */
  name: string
  /** everyday name, as in “来自电子身份证” */
  shortName?: string
  issuer: string
  /** keys a template may prefill from → what each holds */
  fields: Record<string, string>
}

/**
 * Where a fact of the catalogue comes from: a published source (document, page, law), or a sample made up for
 * the mock platform. The app marks samples “示例”.
 */
export type Provenance = { source: string } | { sample: true }

export type AnswerValue = string | number | boolean | string[]
export type Answers = Record<string, AnswerValue>

/**
 * Declarative rule: a typed subset of JsonLogic. Never a string of code.
 * - `{ var: 'questionId' }` reads an answer; `$region` and `$applicantKind` read the context; in deadline,
 *   visit and fee rules only, `$handling` ('online' / 'offline') and `$promises` (ids of materials met by
 *   告知承诺) read the applicant's choices.
 * - `{ within: [region, area] }` is true when a region code lies in an area (430104 within 430100): the
 *   administrative hierarchy, used wherever a rule names a region.
 * - `{ param: 'name' }` reads a regional parameter of the template (most specific region prefix wins).
 * - `{ in: [x, list] }` is true when x is in the list, or when a multiple-choice answer contains x.
 * - `{ answered: 'questionId' }` is true once the question has an answer.
 */
export type Rule =
  | boolean
  | number
  | string
  | null
  | { var: string }
  | { param: string }
  | { answered: string }
  | { '==': [Rule, Rule] }
  | { '!=': [Rule, Rule] }
  | { '>': [Rule, Rule] }
  | { '>=': [Rule, Rule] }
  | { '<': [Rule, Rule] }
  | { '<=': [Rule, Rule] }
  | { and: Rule[] }
  | { or: Rule[] }
  | { '!': Rule }
  | { in: [Rule, Rule[] | Rule] }
  | { if: [Rule, Rule, Rule] }
  | { within: [Rule, Rule] }

export interface Option {
  value: string
  label: string
  help?: string
  /** multiple choice: this option (以上都没有) cannot be chosen with another */
  exclusive?: boolean
}

export type QuestionKind = 'single' | 'multiple' | 'yesno' | 'number' | 'region'

/** A situation question (情形) in plain words. */
export interface Question {
  id: string
  kind: QuestionKind
  text: string
  help?: string
  /** single / multiple */
  options?: Option[]
  /** number */
  unit?: string
  min?: number
  max?: number
  integer?: boolean
  /** Asked only when this holds (default: always). */
  showWhen?: Rule
  /**
   * The platform already holds the answer (性别 and 年龄 from the 身份证, 缴费年限 from 社保): filled from it for
   * the applicant to confirm on 核对信息, not asked. `map` turns the held value into an option value.
   */
  prefill?: QuestionPrefill
}

/**
 * A prefill source for a question; `map` turns the held value (男) into an option value (male), and a held value
 * the map does not name leaves the question to be asked. `within` reads a held region code (户口簿's 户籍地) as
 * 'true' or 'false': whether it lies within that area (430000 湖南省), before `map`.
 */
export type QuestionPrefill =
  | { source: 'profile'; key: ProfileKey; map?: Record<string, string> }
  | { source: 'licence'; kind: LicenceKind; key: string; within?: RegionCode; map?: Record<string, string> }
  | { source: 'record'; kind: SharedRecordKind; key: string; within?: RegionCode; map?: Record<string, string> }

/**
 * Records departments share about someone other than the applicant, opened for one draft when the applicant has
 * standing (`deceased`: the death record and the deceased's 社保, 医保, 公积金, 驾驶证 and 救助 records, shared once
 * a death is registered; domain/deceased.ts says who may see them). Each key is catalogue data
 * (mock/catalogue/shared-records.json); a multiple-choice question reads a held list as option values joined by ','.
 */
export type SharedRecordKind = string

/** What the platform says about one shared record kind: its name and the keys it answers, with their sources. */
export interface SharedRecordKindInfo {
  kind: SharedRecordKind
  name: string
  /** key → what it holds and which department's record it comes from */
  fields: Record<string, { label: string; source: string }>
}

/** Where to go from a dead end. Texts may name `{地区}` and parameters (`{windowAddress}`). */
export interface Place {
  name: string
  address: string
  phone: string
  hours?: string
}

/**
 * A dead end: not eligible here, or must go to a window, or another bundle fits. `reason`, `whatToDo` and
 * `where` may name `{地区}` (the region's name) and any parameter (`{maxRooms}`), so one stop serves every city.
 */
export interface Stop {
  id: string
  when: Rule
  kind: 'not-eligible' | 'go-to-window' | 'other-bundle'
  reason: string
  whatToDo: string
  otherBundleId?: string
  /** where to go; without it the app names the region's service hall */
  where?: Place
}

export interface RegionalParam {
  default: string | number | boolean
  /** keyed by region code prefix, e.g. '42' (湖北) or '430200' (株洲) */
  byRegion?: Record<string, string | number | boolean>
  /** a threshold or figure: sourced, or a sample set for the mock */
  provenance: Provenance
}

export interface Section {
  id: string
  title: string
  description?: string
}

export type FieldType =
  | 'text'
  | 'textarea'
  | 'name' // Chinese personal name
  | 'idNumber' // 居民身份证号码
  | 'uscc' // 统一社会信用代码
  | 'mobile'
  | 'date'
  | 'number'
  | 'select'
  | 'address'
  | 'bankAccount'
  | 'email'

/**
 * `age` is whole years on the day of filing, from `birthDate`; `retirementReached` ('true' / 'false') says
 * whether the statutory retirement age (2024 decision, template `retirement`) is reached by then.
 */
export type ProfileKey =
  | 'name'
  | 'idNumber'
  | 'mobile'
  | 'address'
  | 'sex'
  | 'birthDate'
  | 'age'
  | 'retirementReached'
  | 'firmName'
  | 'uscc'
  | 'legalRepresentative'

/**
 * The statutory retirement age under the 2024 decision (渐进式延迟法定退休年龄), worked out from the applicant's
 * birth date and sex. A woman's original age (50 for 工人, 55 for 管理和专业技术岗位) comes from an answer.
 * Texts may then say {退休年龄}, {退休日期} and {最低缴费年限}.
 */
export interface RetirementRule {
  /** evaluates to 50 or 55 (women only) */
  femaleOriginalAge: Rule
}

export type Prefill =
  | { source: 'profile'; key: ProfileKey }
  | { source: 'licence'; kind: LicenceKind; key: string }
  | { source: 'record'; kind: SharedRecordKind; key: string }

/** A date relative to today (years, months, days may be negative). */
export interface DateOffset {
  years?: number
  months?: number
  days?: number
}

/** A date bound: a fixed date, today moved by an offset, or another date field's value moved by an offset. */
export type DateBound = { date: string } | { today: DateOffset } | { field: string; offset?: DateOffset }

/** A datum, declared once per bundle and referenced by matters (or by a repeatable group, once per item). */
export interface Field {
  id: string
  label: string
  type: FieldType
  section: string
  help?: string
  placeholder?: string
  options?: Option[]
  unit?: string
  /** number fields: inclusive range */
  min?: number
  max?: number
  /** text: length in characters */
  minLength?: number
  maxLength?: number
  /** text: the whole value must match (e.g. a VIN: 17 characters, no I, O or Q), with the message to show */
  pattern?: { regex: string; message: string }
  /** date fields: inclusive bounds */
  minDate?: DateBound
  maxDate?: DateBound
  /** Required unless `requiredWhen` is given, in which case required only when it holds. */
  optional?: boolean
  requiredWhen?: Rule
  /** On the form only when this holds (default: whenever a matter that applies uses it). */
  showWhen?: Rule
  prefill?: Prefill
  /** Sensitive personal information (PIPL): masked on screen, never in URLs or logs. */
  sensitive?: boolean
}

/**
 * A repeatable group (股东, 继承人, 员工): its fields are asked once per item, its materials needed once per
 * item. Matters use a group by listing its id in their `fields`.
 */
export interface Group {
  id: string
  /** the group's heading, e.g. 股东 */
  label: string
  /** one item, e.g. 股东 (shown as 股东 1, 股东 2 …) */
  itemLabel: string
  section: string
  help?: string
  minItems: number
  maxItems: number
  /** field ids asked for each item */
  fields: string[]
  /** materials needed for each item (when a rule holds) */
  materials?: MaterialRef[]
}

/** A party to a bundle with several applicants (二手房: seller and buyer). The first one files. */
export interface Party {
  id: string
  label: string
  /** must confirm the application in their own account before it is submitted */
  confirms: boolean
}

export type FileType = 'pdf' | 'jpg' | 'png' | 'heic'

/** A material, declared once per bundle and referenced by matters. Each block says one way it may be satisfied. */
export interface Material {
  id: string
  name: string
  description?: string
  /** A: an e-licence of this kind, used directly when the applicant holds it. */
  licence?: LicenceKind
  /** Produced by a matter earlier in this bundle (e.g. 出生医学证明): nothing to provide when that matter applies. */
  producedBy?: string
  /** B: the departments fetch the data themselves (共享): no action by the applicant, not counted as a material. */
  shared?: { by: string }
  /** The original is checked at the window: counted as a material and a visit. */
  original?: { note?: string }
  /** C: upload, between minCount and maxCount files. */
  upload?: { accept: FileType[]; maxSizeMB: number; minCount?: number; maxCount: number }
  /** D: 告知承诺: the applicant may promise instead of proving. */
  promise?: { text: string }
  /** 容缺受理: may be supplied later. */
  deferrable?: { consequence: string }
  originalAtWindow?: boolean
  sample?: string
  blankForm?: string
  /** several parties: whose material it is. That party promises for it, in their own confirmation. */
  party?: string
}

export interface MaterialRef {
  ref: string
  /** Needed for this matter only when this holds (default: always). */
  when?: Rule
}

export interface TimeLimit {
  value: number
  unit: 'hour' | 'workday'
}

export interface Step {
  name: string
  limit: TimeLimit
  standard: string
}

/** 行政备案 is done on receipt (no approval): it must be a 即办件 with 0-day limits. */
export type MatterType = '行政许可' | '行政确认' | '行政给付' | '行政征收' | '行政备案' | '公共服务' | '其他行政权力'

/** A fee; the amount may be a regional parameter, the fee may apply only on some paths. */
export interface Fee {
  item: string
  amountYuan: number | { param: string }
  basis?: string
  /** charged only when this holds (answers, region, `$handling`) */
  when?: Rule
  provenance: Provenance
}

/** Social insurance contributions (社保、医保缴费): paid by the applicant, shown apart from fees. */
export interface Contribution {
  item: string
  /** how much, in words: the base and rate are set each year */
  amountText: string
  basis?: string
  when?: Rule
  provenance: Provenance
}

/** A period that does not count towards the time limit (公示, 检测, 补正), named per matter. */
export interface UncountedPeriod {
  name: string
  description?: string
  /** the longest it lasts, when known */
  maxDays?: number
  unit?: 'workday' | 'day'
}

/** A value that depends on the path: the first `when` that holds wins, else the default. */
export interface PathValue {
  when: Rule
  value: number
}

/** One departmental matter (单项事项) with every 办事指南 element. */
export interface Matter {
  id: string
  name: string
  /** 事项基本编码, e.g. 000131024000 */
  baseCode: string
  /** 实施编码 */
  implementationCode?: string
  type: MatterType
  /** instant = 即办件, promised = 承诺件 */
  caseType: 'instant' | 'promised'
  department: string
  /** 实施机关 per region prefix; key '*' is the default. */
  authority: Record<string, string>
  legalBasis: string[]
  conditions: string[]
  steps: Step[]
  /** in `limitUnit` (working days unless said otherwise); 0 for 即办件 */
  legalLimitDays: number
  promisedLimitDays: number
  /** 'day' where the law counts natural days (居民身份证法 第十二条: 60 日) */
  limitUnit?: 'workday' | 'day'
  /** promised limit on some paths (告知承诺 chosen: issued on the spot = 0) */
  promisedLimitWhen?: PathValue[]
  /** periods not counted towards the limits */
  pausedPeriods?: UncountedPeriod[]
  fees: Fee[]
  contributions?: Contribution[]
  validity?: string
  intermediaryServices: string[]
  scope: string
  visits: number
  /** 告知承诺 flags: 涉企经营许可 / 证明事项 */
  promiseFlags: { businessPermit: boolean; certificate: boolean }
  contacts: { consult: string; complaint: string }
  location: { address: string; hours: string }
  /** `party`: who receives it, when the bundle has several parties */
  result: { name: string; licence?: LicenceKind; sample?: string; party?: string }
  /** where the 事项基本编码 and the phone numbers come from */
  provenance: { baseCode: Provenance; contacts: Provenance }
  /** Applies only when this holds (default: always). Optional matters (烟草) use a question. */
  appliesWhen?: Rule
  /** Matters that must conclude first (e.g. 户口登记 after 出生医学证明). */
  after?: string[]
  fields: string[]
  materials: MaterialRef[]
}

export type Delivery = 'ems' | 'pickup' | 'electronic'
export type TongbanMode = 'full-online' | 'remote-proxy' | 'multi-site'
export type Zone = 'ftz' | 'policy'

export interface BundleTemplate {
  /** format 2; format-1 templates are upgraded on parsing (template/upgrade.ts) */
  schemaVersion: 2
  id: string
  /** Increases with every published change. */
  version: number
  name: string
  applicantKinds: ApplicantKind[]
  /** life-event category, e.g. 开办经营, 出生, 就业, 退休, 身后事, 不动产, 退役 */
  category: string
  keywords: string[]
  zones: Zone[]
  regions: RegionCode[]
  departments: string[]
  /** bundle 承诺办结时限, working days */
  promisedLimitDays: number
  /** the bundle's limit on some paths */
  promisedLimitWhen?: PathValue[]
  visits: number
  /** the bundle's visits on some paths (线下办理: one) */
  visitsWhen?: PathValue[]
  tongban: { scope: 'none' | 'province' | 'cross-province'; modes: TongbanMode[] }
  delivery: Delivery[]
  /** online = 全程网办, offline = 线上预填、线下办理 */
  handling: ('online' | 'offline')[]
  description: string
  /** Published before/after figures, quoted as text. */
  figures?: string[]
  params?: Record<string, RegionalParam>
  /** several applicants: the first party files, the others confirm in their own accounts */
  parties?: Party[]
  /** the bundle works out the applicant's statutory retirement age (退休, 灵活就业) */
  retirement?: RetirementRule
  questions: Question[]
  stops?: Stop[]
  sections: Section[]
  fields: Field[]
  groups?: Group[]
  materials: Material[]
  matters: Matter[]
}
