// 一事一导 bundle guide template: the data a province officer edits. No code is specific to one bundle.
// The runtime check for these types lives in ./schema.ts; keep both in step.

/** 个人 / 法人 */
export type ApplicantKind = 'person' | 'firm'

/** Region code (GB/T 2260), e.g. '430000' 湖南省, '430100' 长沙市, '420000' 湖北省. Matching is by prefix. */
export type RegionCode = string

/** E-licence kinds the platform can supply (trust level A). */
export type LicenceKind =
  | 'idCard' // 居民身份证
  | 'household' // 户口簿
  | 'marriage' // 结婚证
  | 'businessLicence' // 营业执照
  | 'property' // 不动产权证书
  | 'birthCertificate' // 出生医学证明
  | 'socialSecurityCard' // 社保卡
  | 'drivingLicence' // 驾驶证
  | 'foodLicence' // 食品经营许可证
  | 'retirementCertificate' // 退休证
  | 'veteranCertificate' // 退役军人证

export type AnswerValue = string | number | boolean | string[]
export type Answers = Record<string, AnswerValue>

/**
 * Declarative rule: a typed subset of JsonLogic. Never a string of code.
 * - `{ var: 'questionId' }` reads an answer; `$region` and `$applicantKind` read the context.
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

export interface Option {
  value: string
  label: string
  help?: string
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
}

/** A dead end: not eligible here, or must go to a window, or another bundle fits. */
export interface Stop {
  id: string
  when: Rule
  kind: 'not-eligible' | 'go-to-window' | 'other-bundle'
  reason: string
  whatToDo: string
  otherBundleId?: string
}

export interface RegionalParam {
  default: string | number | boolean
  /** keyed by region code prefix, e.g. '42' (湖北) or '430200' (株洲) */
  byRegion?: Record<string, string | number | boolean>
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

export type ProfileKey = 'name' | 'idNumber' | 'mobile' | 'address' | 'sex' | 'birthDate' | 'firmName' | 'uscc' | 'legalRepresentative'

export type Prefill =
  | { source: 'profile'; key: ProfileKey }
  | { source: 'licence'; kind: LicenceKind; key: string }

/** A datum, declared once per bundle and referenced by matters. */
export interface Field {
  id: string
  label: string
  type: FieldType
  section: string
  help?: string
  placeholder?: string
  options?: Option[]
  unit?: string
  min?: number
  max?: number
  maxLength?: number
  /** Required unless `requiredWhen` is given, in which case required only when it holds. */
  optional?: boolean
  requiredWhen?: Rule
  prefill?: Prefill
  /** Sensitive personal information (PIPL): masked on screen, never in URLs or logs. */
  sensitive?: boolean
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
  /** B: verified earlier at a window, reusable. */
  windowVerified?: boolean
  /** C: upload. */
  upload?: { accept: FileType[]; maxSizeMB: number; maxCount: number }
  /** D: 告知承诺: the applicant may promise instead of proving. */
  promise?: { text: string }
  /** 容缺受理: may be supplied later. */
  deferrable?: { consequence: string }
  originalAtWindow?: boolean
  sample?: string
  blankForm?: string
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

export type MatterType = '行政许可' | '行政确认' | '行政给付' | '行政征收' | '公共服务' | '其他行政权力'

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
  /** working days; 0 for 即办件 */
  legalLimitDays: number
  promisedLimitDays: number
  fees: { item: string; amountYuan: number; basis?: string }[]
  validity?: string
  intermediaryServices: string[]
  scope: string
  visits: number
  /** 告知承诺 flags: 涉企经营许可 / 证明事项 */
  promiseFlags: { businessPermit: boolean; certificate: boolean }
  contacts: { consult: string; complaint: string }
  location: { address: string; hours: string }
  result: { name: string; licence?: LicenceKind; sample?: string }
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
  schemaVersion: 1
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
  visits: number
  tongban: { scope: 'none' | 'province' | 'cross-province'; modes: TongbanMode[] }
  delivery: Delivery[]
  /** online = 全程网办, offline = 线上预填、线下办理 */
  handling: ('online' | 'offline')[]
  description: string
  /** Published before/after figures, quoted as text. */
  figures?: string[]
  params?: Record<string, RegionalParam>
  questions: Question[]
  stops?: Stop[]
  sections: Section[]
  fields: Field[]
  materials: Material[]
  matters: Matter[]
}
