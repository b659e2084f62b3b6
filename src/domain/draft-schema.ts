// The one schema of a draft's content (DraftContent), for every boundary it crosses: the platform's input
// check, a draft adopted from the platform, drafts read back from the device's storage. valibot (no eval:
// allowed in WeChat). Unknown keys are dropped, never trusted. Messages are Chinese.
import * as v from 'valibot'
import type { Assert, Equals } from './type-assert'
import type { ActingFor, DeliveryChoice, DraftContent, GroupItem, MaterialChoice, PartyConfirmation, StaffStamp } from './draft'

/**
 * Ids of fields, materials, questions and bundles as they appear in a draft. `~` joins a material needed per
 * item of a repeatable group to the item's key (`id-copy~k1`).
 */
export const DRAFT_ID_PATTERN = /^[A-Za-z0-9_.~-]{1,120}$/
const MAX_ENTRIES = 500

const text = (max: number) => v.pipe(v.string('应为字符串'), v.maxLength(max, `不能超过 ${max} 个字符`))
const region = v.pipe(v.string('应为字符串'), v.regex(/^\d{6}$/, '应为 6 位地区代码'))
const isoTime = v.pipe(
  text(40),
  v.check((s) => s === '' || !Number.isNaN(Date.parse(s)), '应为 ISO 时间'),
)

/** A record keyed by draft ids, at most MAX_ENTRIES entries. */
const plainObject = v.custom<Record<string, unknown>>((x) => typeof x === 'object' && x !== null && !Array.isArray(x), '应为 JSON 对象')

function idRecord<T extends v.GenericSchema>(value: T, what: string) {
  return v.pipe(
    plainObject,
    v.record(v.pipe(v.string(), v.regex(DRAFT_ID_PATTERN, `${what}标识格式不正确`)), value, '应为 JSON 对象'),
    v.check((o) => Object.keys(o).length <= MAX_ENTRIES, `最多 ${MAX_ENTRIES} 项`),
  )
}

/** Which window did something: written by the platform (a client's claim is replaced or dropped there). */
export const StaffStampSchema = v.object({ staffName: text(80), hallName: text(80), window: v.optional(text(40)) })

export const MaterialChoiceSchema = v.variant(
  'mode',
  [
    v.object({ mode: v.literal('licence') }),
    v.object({ mode: v.literal('in-bundle') }),
    v.object({ mode: v.literal('shared') }),
    // format 1 named the shared mode 'window' (verified earlier at a window): read as 'shared'
    v.pipe(
      v.object({ mode: v.literal('window') }),
      v.transform(() => ({ mode: 'shared' as const })),
    ),
    v.object({ mode: v.literal('original') }),
    v.object({
      mode: v.literal('upload'),
      fileIds: v.pipe(v.array(text(80), '应为字符串数组'), v.maxLength(50, '最多 50 个文件')),
      // 原件已核验 at a window
      verified: v.optional(v.object({ at: v.pipe(isoTime, v.minLength(1, '必填')), by: v.optional(StaffStampSchema) })),
    }),
    v.object({ mode: v.literal('promise'), agreedAt: isoTime }),
    v.object({ mode: v.literal('defer'), reason: v.optional(text(500)), acceptedBy: v.optional(StaffStampSchema) }),
  ],
  '提交方式应为 licence / in-bundle / shared / original / upload / promise / defer 之一',
)

export const DeliveryChoiceSchema = v.object({
  method: v.picklist(['ems', 'pickup', 'electronic'], '应为 ems / pickup / electronic 之一'),
  address: v.optional(
    v.object({
      recipient: text(50),
      mobile: text(20),
      region: v.union([v.literal(''), region], '应为 6 位地区代码'),
      detail: text(200),
    }),
  ),
  hallId: v.optional(text(80)),
})

const answer = v.union(
  [v.string(), v.boolean(), v.pipe(v.number(), v.finite()), v.pipe(v.array(v.string()), v.maxLength(MAX_ENTRIES))],
  '应为文字、数字、是否或选项列表',
)

export const FieldValuesSchema = idRecord(text(2000), '字段')
export const MaterialChoicesSchema = idRecord(MaterialChoiceSchema, '材料')
export const GroupItemSchema = v.object({ key: v.pipe(v.string('应为字符串'), v.regex(/^[A-Za-z0-9_-]{1,40}$/, '项目标识格式不正确')), values: FieldValuesSchema })
export const GroupItemsSchema = idRecord(v.pipe(v.array(GroupItemSchema, '应为数组'), v.maxLength(200, '最多 200 项')), '分组')

/** the platform's opaque handle of records shared for a draft (never an ID number) */
export const SHARED_RECORD_HANDLE = /^sr-[A-Za-z0-9_-]{8,40}$/

export const DraftContentSchema = v.object({
  bundleId: v.pipe(v.string('应为字符串'), v.regex(DRAFT_ID_PATTERN, '一件事标识格式不正确')),
  templateVersion: v.pipe(v.number('应为整数'), v.integer('应为整数'), v.minValue(1, '不能小于 1')),
  region,
  applicantKind: v.picklist(['person', 'firm'], '应为 person / firm 之一'),
  firm: v.optional(v.pipe(v.string('应为字符串'), v.regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '统一社会信用代码格式不正确'))),
  answers: idRecord(answer, '问题'),
  values: FieldValuesSchema,
  materials: MaterialChoicesSchema,
  items: v.optional(GroupItemsSchema),
  delivery: v.optional(DeliveryChoiceSchema),
  handling: v.optional(v.picklist(['online', 'offline'], '应为 online / offline 之一')),
  sharedRecord: v.optional(v.pipe(v.string('应为字符串'), v.regex(SHARED_RECORD_HANDLE, '共享记录编号格式不正确'))),
})

export const ActingForSchema = v.object({
  actor: v.picklist(['self', 'staff', 'relative'], '应为 self / staff / relative 之一'),
  promiseAuthorised: v.boolean('应为 true 或 false'),
  authorisationId: v.optional(text(80)),
})

/** a co-applicant's confirmation kept on a draft (the platform's record and the device's copy) */
export const PartyConfirmationSchema = v.object({ party: v.string(), name: v.string(), at: v.string() })

// ---------- tied to the TypeScript types: compilation fails when they drift ----------

export type DraftSchemaMatchesTypes = [
  Assert<Equals<v.InferOutput<typeof StaffStampSchema>, StaffStamp>>,
  Assert<Equals<v.InferOutput<typeof MaterialChoiceSchema>, MaterialChoice>>,
  Assert<Equals<v.InferOutput<typeof DeliveryChoiceSchema>, DeliveryChoice>>,
  Assert<Equals<v.InferOutput<typeof ActingForSchema>, ActingFor>>,
  Assert<Equals<v.InferOutput<typeof PartyConfirmationSchema>, PartyConfirmation>>,
  Assert<Equals<v.InferOutput<typeof GroupItemSchema>, GroupItem>>,
  Assert<Equals<v.InferOutput<typeof DraftContentSchema>, DraftContent>>,
]

// ---------- parse ----------

export interface DraftIssue {
  /** dotted path from the content, e.g. values.shop-name */
  path: string
  message: string
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: DraftIssue[] }

function pathOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((p) => String(p.key)).join('.')
}

function messageOf(issue: v.BaseIssue<unknown>): string {
  if (/[\u4e00-\u9fff]/.test(issue.message)) return issue.message
  return issue.received === 'undefined' ? '必填' : '格式不正确'
}

export function parseWith<T>(schema: v.GenericSchema<unknown, T>, input: unknown): Parsed<T> {
  const r = v.safeParse(schema, input, { abortPipeEarly: true })
  if (r.success) return { ok: true, value: r.output }
  return { ok: false, issues: r.issues.map((i) => ({ path: pathOf(i), message: messageOf(i) })) }
}

export const parseDraftContent = (input: unknown): Parsed<DraftContent> => parseWith(DraftContentSchema, input)
