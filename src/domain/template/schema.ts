// Runtime check of a 一事一导 template (JSON from the platform or the catalogue).
// valibot: no eval / new Function (allowed in WeChat), tree-shakes to a few KB. See docs/decisions-schema.md.
import * as v from 'valibot'
import type { Assert, Equals } from '../type-assert'
import { walkRule } from '../rules'
import { upgradeTemplateJson } from './upgrade'
import type {
  BundleTemplate,
  Contribution,
  Fee,
  Field,
  Group,
  Party,
  Place,
  Provenance,
  Material,
  Matter,
  Option,
  Question,
  RegionalParam,
  Rule,
  Section,
  Stop,
} from './types'

// ---------- leaf schemas ----------

const id = v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, '标识只能由字母、数字、下划线、点或连字符组成，并以字母开头'))
const text = v.pipe(v.string(), v.check((s) => s.trim().length > 0, '不能为空'))
const count = v.pipe(v.number(), v.integer('应为整数'), v.minValue(0, '不能为负数'))
/** Region prefix: 2–6 digits (GB/T 2260). */
const regionCode = v.pipe(v.string(), v.regex(/^\d{2,6}$/, '地区代码应为 2 至 6 位数字'))
const scalar = v.union([v.string(), v.number(), v.boolean()])

/** Catalogue data (GET /licence-kinds): the checker tests a kind against the platform's list. */
const licenceKind = v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9]*$/, '电子证照种类应为字母和数字'))
const profileKey = v.picklist(['name', 'idNumber', 'mobile', 'address', 'sex', 'birthDate', 'age', 'retirementReached', 'firmName', 'uscc', 'legalRepresentative'])
const ProvenanceSchema = v.union(
  [v.strictObject({ source: text }), v.strictObject({ sample: v.literal(true) })],
  '来源应写 {"source": "出处"} 或 {"sample": true}',
)
const isoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD'))

// ---------- Rule (recursive) ----------

// The lazy getter is untyped; the Assert on RuleFromOps below ties the operators to Rule instead.
const RuleSchema: v.GenericSchema<Rule> = v.lazy((input) => ruleSchemaFor(input) as v.GenericSchema<Rule>)
const pair = v.strictTuple([RuleSchema, RuleSchema])
const ruleOps = {
  var: v.pipe(v.string(), v.minLength(1, '不能为空')),
  param: v.pipe(v.string(), v.minLength(1, '不能为空')),
  answered: v.pipe(v.string(), v.minLength(1, '不能为空')),
  '==': pair,
  '!=': pair,
  '>': pair,
  '>=': pair,
  '<': pair,
  '<=': pair,
  and: v.array(RuleSchema),
  or: v.array(RuleSchema),
  '!': RuleSchema,
  in: v.strictTuple([RuleSchema, v.union([v.array(RuleSchema), RuleSchema])]),
  if: v.strictTuple([RuleSchema, RuleSchema, RuleSchema]),
  within: pair,
}
type RuleOps = typeof ruleOps
type RuleFromOps = { [K in keyof RuleOps]: { [P in K]: v.InferOutput<RuleOps[K]> } }[keyof RuleOps]

const ruleScalar = v.union([v.boolean(), v.number(), v.string(), v.null()], '规则应为常量或单一运算符对象')
const ruleOpSchemas = Object.fromEntries(
  Object.entries(ruleOps).map(([op, operand]) => [op, v.strictObject({ [op]: operand })]),
) as Record<string, v.GenericSchema>

// Choose the schema from the operator key so an error points inside the right operator, not at a vague union.
function ruleSchemaFor(input: unknown): v.GenericSchema {
  if (input === null || typeof input !== 'object') return ruleScalar
  if (Array.isArray(input)) return v.custom(() => false, '规则不能是数组')
  const keys = Object.keys(input)
  if (keys.length === 1 && Object.prototype.hasOwnProperty.call(ruleOps, keys[0])) return ruleOpSchemas[keys[0]]
  return v.custom(() => false, keys.length === 1 ? `未知的规则运算符“${keys[0]}”` : '规则对象必须恰好有一个运算符')
}

// ---------- template parts ----------

const OptionSchema = v.strictObject({ value: v.string(), label: text, help: v.optional(v.string()), exclusive: v.optional(v.boolean()) })

const PrefillSchema = v.variant('source', [
  v.strictObject({ source: v.literal('profile'), key: profileKey }),
  v.strictObject({ source: v.literal('licence'), kind: licenceKind, key: text }),
  v.strictObject({ source: v.literal('record'), kind: licenceKind, key: text }),
])
const QuestionPrefillSchema = v.variant('source', [
  v.strictObject({ source: v.literal('profile'), key: profileKey, map: v.optional(v.record(v.string(), v.string())) }),
  v.strictObject({ source: v.literal('licence'), kind: licenceKind, key: text, within: v.optional(regionCode), map: v.optional(v.record(v.string(), v.string())) }),
  v.strictObject({ source: v.literal('record'), kind: licenceKind, key: text, within: v.optional(regionCode), map: v.optional(v.record(v.string(), v.string())) }),
])

const QuestionSchema = v.strictObject({
  id,
  kind: v.picklist(['single', 'multiple', 'yesno', 'number', 'region']),
  text,
  help: v.optional(v.string()),
  options: v.optional(v.array(OptionSchema)),
  unit: v.optional(v.string()),
  min: v.optional(v.number()),
  max: v.optional(v.number()),
  integer: v.optional(v.boolean()),
  showWhen: v.optional(RuleSchema),
  prefill: v.optional(QuestionPrefillSchema),
})

const PlaceSchema = v.strictObject({ name: text, address: text, phone: text, hours: v.optional(text) })

const StopSchema = v.strictObject({
  id,
  when: RuleSchema,
  kind: v.picklist(['not-eligible', 'go-to-window', 'other-bundle']),
  reason: text,
  whatToDo: text,
  otherBundleId: v.optional(v.string()),
  where: v.optional(PlaceSchema),
})

const RegionalParamSchema = v.strictObject({
  default: scalar,
  byRegion: v.optional(v.record(regionCode, scalar)),
  provenance: ProvenanceSchema,
})

const SectionSchema = v.strictObject({ id, title: text, description: v.optional(v.string()) })

const DateOffsetSchema = v.strictObject({ years: v.optional(v.number()), months: v.optional(v.number()), days: v.optional(v.number()) })
const DateBoundSchema = v.union(
  [v.strictObject({ date: isoDate }), v.strictObject({ today: DateOffsetSchema }), v.strictObject({ field: id, offset: v.optional(DateOffsetSchema) })],
  '日期界限应写 {"date": "YYYY-MM-DD"}、{"today": {…}} 或 {"field": "字段", "offset": {…}}',
)
const regexSource = v.pipe(
  text,
  v.check((src) => {
    try {
      // compiles a pattern (not code): allowed in WeChat
      new RegExp(src, 'u')
      return true
    } catch {
      return false
    }
  }, '不是有效的正则表达式'),
)

const FieldSchema = v.strictObject({
  id,
  label: text,
  type: v.picklist(['text', 'textarea', 'name', 'idNumber', 'uscc', 'mobile', 'date', 'number', 'select', 'address', 'bankAccount', 'email']),
  section: id,
  help: v.optional(v.string()),
  placeholder: v.optional(v.string()),
  options: v.optional(v.array(OptionSchema)),
  unit: v.optional(v.string()),
  min: v.optional(v.number()),
  max: v.optional(v.number()),
  minLength: v.optional(count),
  maxLength: v.optional(count),
  pattern: v.optional(v.strictObject({ regex: regexSource, message: text })),
  minDate: v.optional(DateBoundSchema),
  maxDate: v.optional(DateBoundSchema),
  optional: v.optional(v.boolean()),
  requiredWhen: v.optional(RuleSchema),
  showWhen: v.optional(RuleSchema),
  prefill: v.optional(PrefillSchema),
  sensitive: v.optional(v.boolean()),
})

const MaterialRefSchema = v.strictObject({ ref: id, when: v.optional(RuleSchema) })

const GroupSchema = v.strictObject({
  id,
  label: text,
  itemLabel: text,
  section: id,
  help: v.optional(v.string()),
  minItems: count,
  maxItems: v.pipe(count, v.minValue(1, '至少 1 项')),
  fields: v.pipe(v.array(id), v.minLength(1, '至少一个字段')),
  materials: v.optional(v.array(MaterialRefSchema)),
})

const PartySchema = v.strictObject({ id, label: text, confirms: v.boolean() })

const MaterialSchema = v.strictObject({
  id,
  name: text,
  description: v.optional(v.string()),
  licence: v.optional(licenceKind),
  producedBy: v.optional(id),
  shared: v.optional(v.strictObject({ by: text })),
  original: v.optional(v.strictObject({ note: v.optional(text) })),
  upload: v.optional(
    v.strictObject({
      accept: v.pipe(v.array(v.picklist(['pdf', 'jpg', 'png', 'heic'])), v.minLength(1, '至少允许一种文件格式')),
      maxSizeMB: v.pipe(v.number(), v.minValue(0.1, '不能小于 0.1')),
      minCount: v.optional(v.pipe(count, v.minValue(1, '至少 1 个'))),
      maxCount: v.pipe(count, v.minValue(1, '至少 1 个')),
    }),
  ),
  promise: v.optional(v.strictObject({ text })),
  deferrable: v.optional(v.strictObject({ consequence: text })),
  originalAtWindow: v.optional(v.boolean()),
  sample: v.optional(v.string()),
  blankForm: v.optional(v.string()),
  party: v.optional(id),
})

const PathValueSchema = v.strictObject({ when: RuleSchema, value: v.pipe(v.number(), v.integer('应为整数'), v.minValue(0, '不能为负数')) })
const FeeSchema = v.strictObject({
  item: text,
  amountYuan: v.union([v.pipe(v.number(), v.minValue(0, '不能为负数')), v.strictObject({ param: id })], '金额应为数字或 {"param": "参数名"}'),
  basis: v.optional(v.string()),
  when: v.optional(RuleSchema),
  provenance: ProvenanceSchema,
})
const ContributionSchema = v.strictObject({ item: text, amountText: text, basis: v.optional(v.string()), when: v.optional(RuleSchema), provenance: ProvenanceSchema })
const PausedPeriodSchema = v.strictObject({ name: text, description: v.optional(v.string()), maxDays: v.optional(count), unit: v.optional(v.picklist(['workday', 'day'])) })

const StepSchema = v.strictObject({
  name: text,
  limit: v.strictObject({ value: v.pipe(v.number(), v.minValue(0, '不能为负数')), unit: v.picklist(['hour', 'workday']) }),
  standard: text,
})

const MatterSchema = v.strictObject({
  id,
  name: text,
  baseCode: v.pipe(v.string(), v.regex(/^\d{12}$/, '事项基本编码应为 12 位数字')),
  implementationCode: v.optional(v.string()),
  type: v.picklist(['行政许可', '行政确认', '行政给付', '行政征收', '行政备案', '公共服务', '其他行政权力']),
  caseType: v.picklist(['instant', 'promised']),
  department: text,
  authority: v.pipe(
    v.record(v.union([v.literal('*'), regionCode]), text),
    v.check((a) => '*' in a, '实施机关必须有默认值（键为 *）'),
  ),
  legalBasis: v.array(text),
  conditions: v.array(text),
  steps: v.array(StepSchema),
  legalLimitDays: count,
  promisedLimitDays: count,
  limitUnit: v.optional(v.picklist(['workday', 'day'])),
  promisedLimitWhen: v.optional(v.array(PathValueSchema)),
  pausedPeriods: v.optional(v.array(PausedPeriodSchema)),
  fees: v.array(FeeSchema),
  contributions: v.optional(v.array(ContributionSchema)),
  validity: v.optional(v.string()),
  intermediaryServices: v.array(v.string()),
  scope: v.string(),
  visits: count,
  promiseFlags: v.strictObject({ businessPermit: v.boolean(), certificate: v.boolean() }),
  contacts: v.strictObject({ consult: text, complaint: text }),
  location: v.strictObject({ address: text, hours: text }),
  result: v.strictObject({ name: text, licence: v.optional(licenceKind), sample: v.optional(v.string()), party: v.optional(id) }),
  provenance: v.strictObject({ baseCode: ProvenanceSchema, contacts: ProvenanceSchema }),
  appliesWhen: v.optional(RuleSchema),
  after: v.optional(v.array(id)),
  fields: v.array(id),
  materials: v.array(MaterialRefSchema),
})

export const BundleTemplateSchema = v.strictObject({
  schemaVersion: v.literal(2),
  id,
  version: v.pipe(count, v.minValue(1, '版本号从 1 开始')),
  name: text,
  applicantKinds: v.pipe(v.array(v.picklist(['person', 'firm'])), v.minLength(1, '至少一种申请人类型')),
  category: text,
  keywords: v.array(v.string()),
  zones: v.array(v.picklist(['ftz', 'policy'])),
  regions: v.array(regionCode),
  departments: v.array(text),
  promisedLimitDays: count,
  promisedLimitWhen: v.optional(v.array(PathValueSchema)),
  visits: count,
  visitsWhen: v.optional(v.array(PathValueSchema)),
  tongban: v.strictObject({
    scope: v.picklist(['none', 'province', 'cross-province']),
    modes: v.array(v.picklist(['full-online', 'remote-proxy', 'multi-site'])),
  }),
  delivery: v.array(v.picklist(['ems', 'pickup', 'electronic'])),
  handling: v.array(v.picklist(['online', 'offline'])),
  description: text,
  figures: v.optional(v.array(v.string())),
  params: v.optional(v.record(id, RegionalParamSchema)),
  parties: v.optional(v.pipe(v.array(PartySchema), v.minLength(2, '多方申请至少两方'))),
  retirement: v.optional(v.strictObject({ femaleOriginalAge: RuleSchema })),
  questions: v.array(QuestionSchema),
  stops: v.optional(v.array(StopSchema)),
  sections: v.array(SectionSchema),
  fields: v.array(FieldSchema),
  groups: v.optional(v.array(GroupSchema)),
  materials: v.array(MaterialSchema),
  matters: v.pipe(v.array(MatterSchema), v.minLength(1, '至少一个事项')),
})

// ---------- static tie to types.ts: compilation fails when they drift ----------

export type SchemaMatchesTypes = [
  Assert<Equals<RuleFromOps | boolean | number | string | null, Rule>>,
  Assert<Equals<v.InferOutput<typeof OptionSchema>, Option>>,
  Assert<Equals<v.InferOutput<typeof QuestionSchema>, Question>>,
  Assert<Equals<v.InferOutput<typeof StopSchema>, Stop>>,
  Assert<Equals<v.InferOutput<typeof RegionalParamSchema>, RegionalParam>>,
  Assert<Equals<v.InferOutput<typeof SectionSchema>, Section>>,
  Assert<Equals<v.InferOutput<typeof FieldSchema>, Field>>,
  Assert<Equals<v.InferOutput<typeof GroupSchema>, Group>>,
  Assert<Equals<v.InferOutput<typeof PartySchema>, Party>>,
  Assert<Equals<v.InferOutput<typeof FeeSchema>, Fee>>,
  Assert<Equals<v.InferOutput<typeof ContributionSchema>, Contribution>>,
  Assert<Equals<v.InferOutput<typeof PlaceSchema>, Place>>,
  Assert<Equals<v.InferOutput<typeof ProvenanceSchema>, Provenance>>,
  Assert<Equals<v.InferOutput<typeof MaterialSchema>, Material>>,
  Assert<Equals<v.InferOutput<typeof MatterSchema>, Matter>>,
  Assert<Equals<v.InferOutput<typeof BundleTemplateSchema>, BundleTemplate>>,
]

// ---------- parse ----------

export interface TemplateIssue {
  /** JSON path, e.g. $.matters[2].steps[0].limit */
  path: string
  message: string
}

export type ParseTemplateResult = { ok: true; template: BundleTemplate } | { ok: false; issues: TemplateIssue[] }

/** Checks a template of either format (format 1 is upgraded first: template/upgrade.ts). */
export function parseTemplate(json: unknown): ParseTemplateResult {
  const result = v.safeParse(BundleTemplateSchema, upgradeTemplateJson(json), { abortPipeEarly: true })
  if (!result.success) return { ok: false, issues: result.issues.map(toIssue) }
  const template = result.output as BundleTemplate
  const issues = referenceIssues(template)
  return issues.length ? { ok: false, issues } : { ok: true, template }
}

/** parseTemplate for an app that shows one message: the first issue, in words a citizen can pass on. */
export function templateOrMessage(json: unknown): { ok: true; template: BundleTemplate } | { ok: false; message: string } {
  const r = parseTemplate(json)
  if (r.ok) return r
  const first = r.issues[0]
  return { ok: false, message: `办事指南暂时无法使用（格式有误：${first ? `${first.path} ${first.message}` : '未知'}），请稍后重试` }
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/

export function jsonPath(keys: readonly (string | number)[]): string {
  let out = '$'
  for (const k of keys) {
    if (typeof k === 'number') out += `[${k}]`
    else if (IDENT.test(k)) out += `.${k}`
    else out += `[${JSON.stringify(k)}]`
  }
  return out
}

const TYPE_NAMES: Record<string, string> = {
  string: '字符串',
  number: '数字',
  boolean: '布尔值',
  object: '对象',
  strict_object: '对象',
  array: '数组',
  tuple: '数组',
  record: '对象',
  null: 'null',
}

function toIssue(issue: v.BaseIssue<unknown>): TemplateIssue {
  const keys = (issue.path ?? []).map((p) => p.key as string | number)
  return { path: jsonPath(keys), message: issueMessage(issue) }
}

function issueMessage(issue: v.BaseIssue<unknown>): string {
  // Our own messages are already Chinese; only valibot's defaults (English) are translated here.
  if (/[\u4e00-\u9fff]/.test(issue.message)) return issue.message
  const got = issue.received === 'undefined' ? '缺失' : `实际为 ${issue.received}`
  switch (issue.type) {
    case 'strict_object':
      if (issue.expected === 'never') return '不允许的字段'
      // a missing key is reported by its object, with the key as `expected`
      return issue.received === 'undefined' && issue.path?.length ? '缺少此项' : `应为对象，${got}`
    case 'strict_tuple':
    case 'tuple':
      return issue.expected === 'never' ? '多余的项' : `应为数组，${got}`
    case 'picklist':
    case 'literal':
      return `取值应为 ${(issue.expected ?? '').replace(/^\((.*)\)$/, '$1')} 之一，${got}`
    case 'union':
    case 'variant':
      return `不符合允许的形式（${issue.expected ?? ''}），${got}`
    default:
      return TYPE_NAMES[issue.type] ? `应为${TYPE_NAMES[issue.type]}，${got}` : `${issue.type}：${got}`
  }
}

// ---------- cross references (the engine relies on them) ----------

/** Context variables rules may read; the choice ones only where noted (template/types.ts Rule). */
const CONTEXT_VARS = new Set(['$region', '$applicantKind', '$handling', '$promises'])

function referenceIssues(t: BundleTemplate): TemplateIssue[] {
  const issues: TemplateIssue[] = []
  const add = (keys: (string | number)[], message: string) => issues.push({ path: jsonPath(keys), message })

  const ids = (list: { id: string }[], key: string) => {
    const seen = new Set<string>()
    list.forEach((x, i) => {
      if (seen.has(x.id)) add([key, i, 'id'], `标识“${x.id}”重复`)
      seen.add(x.id)
    })
    return seen
  }
  const questionIds = ids(t.questions, 'questions')
  const sectionIds = ids(t.sections, 'sections')
  const fieldIds = ids(t.fields, 'fields')
  const groupIds = ids(t.groups ?? [], 'groups')
  const materialIds = ids(t.materials, 'materials')
  const matterIds = ids(t.matters, 'matters')
  const partyIds = ids(t.parties ?? [], 'parties')
  ids(t.stops ?? [], 'stops')
  const paramIds = new Set(Object.keys(t.params ?? {}))
  ;(t.groups ?? []).forEach((g, i) => {
    if (fieldIds.has(g.id)) add(['groups', i, 'id'], `标识“${g.id}”与字段重名`)
  })

  const checkRule = (rule: Rule | undefined, keys: (string | number)[]) => {
    if (rule === undefined) return
    walkRule(rule, (node) => {
      if ('var' in node && !node.var.startsWith('$') && !questionIds.has(node.var)) add(keys, `规则引用了不存在的问题“${node.var}”`)
      if ('var' in node && node.var.startsWith('$') && !CONTEXT_VARS.has(node.var)) add(keys, `未知的上下文变量“${node.var}”`)
      if ('answered' in node && !questionIds.has(node.answered)) add(keys, `规则引用了不存在的问题“${node.answered}”`)
      if ('param' in node && !paramIds.has(node.param)) add(keys, `规则引用了不存在的参数“${node.param}”`)
    })
  }
  const checkPathValues = (list: { when: Rule }[] | undefined, keys: (string | number)[]) => list?.forEach((x, j) => checkRule(x.when, [...keys, j, 'when']))
  const checkParty = (party: string | undefined, keys: (string | number)[]) => {
    if (party !== undefined && !partyIds.has(party)) add(keys, `申请方“${party}”不存在`)
  }

  t.questions.forEach((q, i) => {
    if ((q.kind === 'single' || q.kind === 'multiple') && !q.options?.length) add(['questions', i, 'options'], '单选或多选问题必须有选项')
    if (q.options) {
      const values = new Set<string>()
      q.options.forEach((o, j) => {
        if (values.has(o.value)) add(['questions', i, 'options', j, 'value'], `选项值“${o.value}”重复`)
        values.add(o.value)
        if (o.exclusive && q.kind !== 'multiple') add(['questions', i, 'options', j, 'exclusive'], '只有多选题的选项可以设为互斥')
      })
    }
    if (q.min !== undefined && q.max !== undefined && q.min > q.max) add(['questions', i, 'min'], '最小值大于最大值')
    for (const [from, to] of Object.entries(q.prefill?.map ?? {}))
      if (q.kind !== 'yesno' && !q.options?.some((o) => o.value === to)) add(['questions', i, 'prefill', 'map', from], `选项值“${to}”不存在`)
      else if (q.kind === 'yesno' && to !== 'true' && to !== 'false') add(['questions', i, 'prefill', 'map', from], '是非题只能对应到 true 或 false')
    if ((q.prefill?.source === 'licence' || q.prefill?.source === 'record') && q.prefill.within !== undefined && q.kind !== 'yesno' && !q.prefill.map)
      add(['questions', i, 'prefill', 'within'], '“within”得出 true 或 false：只用于是非题，或用 map 对应到选项')
    checkRule(q.showWhen, ['questions', i, 'showWhen'])
  })
  ;(t.stops ?? []).forEach((s, i) => checkRule(s.when, ['stops', i, 'when']))
  const fieldById = new Map(t.fields.map((f) => [f.id, f]))
  t.fields.forEach((f, i) => {
    if (!sectionIds.has(f.section)) add(['fields', i, 'section'], `分组“${f.section}”不存在`)
    if (f.type === 'select' && !f.options?.length) add(['fields', i, 'options'], '下拉字段必须有选项')
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) add(['fields', i, 'min'], '最小值大于最大值')
    if (f.minLength !== undefined && f.maxLength !== undefined && f.minLength > f.maxLength) add(['fields', i, 'minLength'], '最短长度大于最长长度')
    for (const key of ['minDate', 'maxDate'] as const) {
      const bound = f[key]
      if (!bound) continue
      if (f.type !== 'date') add(['fields', i, key], '只有日期字段可以设置日期界限')
      if ('field' in bound) {
        const other = fieldById.get(bound.field)
        if (!other || other.type !== 'date' || other.id === f.id) add(['fields', i, key, 'field'], `日期字段“${bound.field}”不存在`)
      }
    }
    checkRule(f.requiredWhen, ['fields', i, 'requiredWhen'])
    checkRule(f.showWhen, ['fields', i, 'showWhen'])
  })
  const inGroup = new Set<string>()
  ;(t.groups ?? []).forEach((g, i) => {
    if (!sectionIds.has(g.section)) add(['groups', i, 'section'], `分组“${g.section}”不存在`)
    if (g.minItems > g.maxItems) add(['groups', i, 'minItems'], '最少项数大于最多项数')
    g.fields.forEach((f, j) => {
      if (!fieldIds.has(f)) add(['groups', i, 'fields', j], `字段“${f}”不存在`)
      if (inGroup.has(f)) add(['groups', i, 'fields', j], `字段“${f}”已属于另一个可重复分组`)
      inGroup.add(f)
    })
    ;(g.materials ?? []).forEach((r, j) => {
      if (!materialIds.has(r.ref)) add(['groups', i, 'materials', j, 'ref'], `材料“${r.ref}”不存在`)
      checkRule(r.when, ['groups', i, 'materials', j, 'when'])
    })
  })
  t.materials.forEach((m, i) => {
    if (m.producedBy !== undefined && !matterIds.has(m.producedBy)) add(['materials', i, 'producedBy'], `事项“${m.producedBy}”不存在`)
    if (!m.licence && !m.producedBy && !m.shared && !m.original && !m.upload && !m.promise && !m.deferrable) add(['materials', i], '材料至少要有一种提交方式')
    if (m.upload?.minCount !== undefined && m.upload.minCount > m.upload.maxCount) add(['materials', i, 'upload', 'minCount'], '最少文件数大于最多文件数')
    checkParty(m.party, ['materials', i, 'party'])
  })
  if (t.parties?.[0]?.confirms) add(['parties', 0, 'confirms'], '第一方是发起申请的一方，不需要另行确认')
  checkPathValues(t.promisedLimitWhen, ['promisedLimitWhen'])
  checkRule(t.retirement?.femaleOriginalAge, ['retirement', 'femaleOriginalAge'])
  const retirementKeyed = [...t.questions, ...t.fields].some((x) => x.prefill?.source === 'profile' && x.prefill.key === 'retirementReached')
  if (retirementKeyed && !t.retirement) add(['retirement'], '预填“retirementReached”（是否已达法定退休年龄）需要写明 retirement')
  checkPathValues(t.visitsWhen, ['visitsWhen'])
  t.matters.forEach((m, i) => {
    if (m.promisedLimitDays > m.legalLimitDays) add(['matters', i, 'promisedLimitDays'], '承诺办结时限不能超过法定办结时限')
    ;(m.promisedLimitWhen ?? []).forEach((x, j) => {
      if (x.value > m.legalLimitDays) add(['matters', i, 'promisedLimitWhen', j, 'value'], '承诺办结时限不能超过法定办结时限')
    })
    if (m.type === '行政备案' && (m.caseType !== 'instant' || m.legalLimitDays !== 0 || m.promisedLimitDays !== 0))
      add(['matters', i, 'caseType'], '行政备案收到即办结：应为即办件（instant），法定和承诺时限为 0')
    checkRule(m.appliesWhen, ['matters', i, 'appliesWhen'])
    checkPathValues(m.promisedLimitWhen, ['matters', i, 'promisedLimitWhen'])
    m.fees.forEach((f, j) => {
      checkRule(f.when, ['matters', i, 'fees', j, 'when'])
      if (typeof f.amountYuan === 'object' && !paramIds.has(f.amountYuan.param)) add(['matters', i, 'fees', j, 'amountYuan'], `参数“${f.amountYuan.param}”不存在`)
    })
    ;(m.contributions ?? []).forEach((c, j) => checkRule(c.when, ['matters', i, 'contributions', j, 'when']))
    checkParty(m.result.party, ['matters', i, 'result', 'party'])
    ;(m.after ?? []).forEach((a, j) => {
      if (!matterIds.has(a)) add(['matters', i, 'after', j], `事项“${a}”不存在`)
      if (a === m.id) add(['matters', i, 'after', j], '事项不能依赖自身')
    })
    m.fields.forEach((f, j) => {
      if (!fieldIds.has(f) && !groupIds.has(f)) add(['matters', i, 'fields', j], `字段“${f}”不存在`)
      if (inGroup.has(f)) add(['matters', i, 'fields', j], `字段“${f}”属于可重复分组，请引用分组`)
    })
    m.materials.forEach((r, j) => {
      if (!materialIds.has(r.ref)) add(['matters', i, 'materials', j, 'ref'], `材料“${r.ref}”不存在`)
      checkRule(r.when, ['matters', i, 'materials', j, 'when'])
    })
  })
  const cycle = findCycle(t.matters)
  if (cycle) add(['matters', t.matters.findIndex((m) => m.id === cycle[0]), 'after'], `事项先后顺序存在循环：${cycle.join(' → ')}`)
  return issues
}

function findCycle(matters: Matter[]): string[] | undefined {
  const byId = new Map(matters.map((m) => [m.id, m]))
  const state = new Map<string, 1 | 2>() // 1 = on stack, 2 = done
  const stack: string[] = []
  const dfs = (matterId: string): string[] | undefined => {
    state.set(matterId, 1)
    stack.push(matterId)
    for (const next of byId.get(matterId)?.after ?? []) {
      if (!byId.has(next)) continue
      if (state.get(next) === 1) return [...stack.slice(stack.indexOf(next)), next]
      if (!state.has(next)) {
        const c = dfs(next)
        if (c) return c
      }
    }
    stack.pop()
    state.set(matterId, 2)
    return undefined
  }
  for (const m of matters) {
    if (!state.has(m.id)) {
      const c = dfs(m.id)
      if (c) return c
    }
  }
  return undefined
}
