// Runtime schemas of the contract's shapes that carry a draft: the requests the platform checks (mock/) and
// the replies the app parses (platform client). One schema per shape, tied to contract.ts's types at compile
// time. The template schema is not here: it is parsed in the journey only (src/domain/template/schema.ts).
import * as v from 'valibot'
import type { Assert, Equals } from '../domain/type-assert'
import { SIGNATURE_LIMITS } from '../domain/assist/signature'
import { SHARED_RECORD_HANDLE, ActingForSchema, DeliveryChoiceSchema, DRAFT_ID_PATTERN, DraftContentSchema, FieldValuesSchema, MaterialChoicesSchema, PartyConfirmationSchema } from '../domain/draft-schema'
import type {
  CaseGuidance,
  ConfirmInvitationRequest,
  Invitation,
  InvitationRequest,
  InvitationView,
  CaseMatter,
  CaseFiler,
  CaseRecord,
  DraftRecord,
  Signature,
  Evaluation,
  PutDraftRequest,
  SubmitCaseRequest,
  SupplementRequest,
  SupplementSubmitRequest,
  DeceasedRecordRequest,
  SharedRecordResponse,
} from './contract'

const DRAFT_ID = v.pipe(v.string('应为字符串'), v.regex(/^[A-Za-z0-9-]{8,64}$/, '草稿编号格式不正确'))
const count = v.pipe(v.number('应为整数'), v.integer('应为整数'), v.minValue(0, '不能为负数'))

// ---------- requests ----------

/** the deceased's ID number is checked as such by domain/deceased.ts (the app's message); here only its shape */
export const DeceasedRecordRequestSchema = v.object({
  idNumber: v.pipe(v.string('应为字符串'), v.maxLength(40, '不能超过 40 个字符')),
  bundleId: v.pipe(v.string('应为字符串'), v.regex(/^[A-Za-z0-9_.-]{1,80}$/, '一件事标识格式不正确')),
})

const shortText = v.pipe(v.string('应为字符串'), v.maxLength(200, '不能超过 200 个字符'))
export const SharedRecordResponseSchema = v.object({
  handle: v.pipe(v.string('应为字符串'), v.regex(SHARED_RECORD_HANDLE, '共享记录编号格式不正确')),
  kind: shortText,
  subject: shortText,
  subjectIdNumber: shortText,
  basis: shortText,
  records: v.record(v.string(), v.object({ value: shortText, source: shortText })),
})

const instant = v.pipe(v.string('应为字符串'), v.maxLength(40, '不能超过 40 个字符'), v.check((s) => !Number.isNaN(Date.parse(s)), '应为 ISO 时间'))
/** where the citizen last was in a draft, and when they got there */
const DraftPlaceSchema = v.object({
  step: v.picklist(['guide', 'questions', 'form', 'materials', 'delivery', 'review'], '应为 guide、questions、form、materials、delivery 或 review'),
  questionId: v.optional(v.pipe(v.string('应为字符串'), v.regex(DRAFT_ID_PATTERN, '问题标识格式不正确'))),
  at: instant,
})

export const PutDraftRequestSchema = v.object({
  content: DraftContentSchema,
  baseVersion: count,
  editedAt: v.optional(instant),
  place: v.optional(DraftPlaceSchema),
  acting: v.optional(ActingForSchema),
})
/** A signature drawn at the window: strokes of points inside its box (its ink is judged by the domain's signatureProblem). */
export const SignatureSchema = v.pipe(
  v.object({
    width: v.pipe(v.number('应为整数'), v.integer('应为整数'), v.minValue(50, '不能小于 50'), v.maxValue(4000, '不能大于 4000')),
    height: v.pipe(v.number('应为整数'), v.integer('应为整数'), v.minValue(20, '不能小于 20'), v.maxValue(4000, '不能大于 4000')),
    strokes: v.pipe(
      v.array(v.array(v.tuple([v.pipe(v.number(), v.finite()), v.pipe(v.number(), v.finite())]), '应为框内的点组成的笔画'), '应为框内的点组成的笔画'),
      v.maxLength(SIGNATURE_LIMITS.maxStrokes, '应为框内的点组成的笔画'),
      v.check((s) => s.reduce((n, x) => n + x.length, 0) <= SIGNATURE_LIMITS.maxPoints, `最多 ${SIGNATURE_LIMITS.maxPoints} 个点`),
    ),
  }),
  v.forward(
    v.check((g) => g.strokes.every((s) => s.every(([x, y]) => x >= 0 && y >= 0 && x <= g.width && y <= g.height)), '应为框内的点组成的笔画'),
    ['strokes'],
  ),
)
export const SubmitCaseRequestSchema = v.object({ draftId: DRAFT_ID, content: DraftContentSchema, acting: v.optional(ActingForSchema), signature: v.optional(SignatureSchema) })
export const SupplementSubmitRequestSchema = v.object({
  values: v.optional(FieldValuesSchema, {}),
  materials: v.optional(MaterialChoicesSchema, {}),
})

// ---------- replies ----------

export { PartyConfirmationSchema }
export const InvitationRequestSchema = v.object({ party: v.pipe(v.string('应为字符串'), v.regex(/^[A-Za-z][A-Za-z0-9_.-]{0,40}$/, '申请方标识格式不正确')) })
export const ConfirmInvitationRequestSchema = v.object({ contentHash: v.pipe(v.string('应为字符串'), v.regex(/^[0-9a-f]{16,64}$/, '内容摘要格式不正确')) })
export const InvitationSchema = v.object({ code: v.string(), party: v.string(), partyLabel: v.string(), expiresAt: v.string() })
export const InvitationViewSchema = v.object({
  code: v.string(),
  bundleName: v.string(),
  party: v.string(),
  partyLabel: v.string(),
  initiatorName: v.string(),
  matters: v.array(v.string()),
  promises: v.array(v.object({ materialId: v.string(), name: v.string(), text: v.string() })),
  contentHash: v.string(),
  expiresAt: v.string(),
})

export const DraftRecordSchema = v.object({
  id: v.string(),
  version: count,
  content: DraftContentSchema,
  createdAt: v.string(),
  updatedAt: v.string(),
  status: v.picklist(['open', 'submitted']),
  caseId: v.optional(v.string()),
  editedAt: v.optional(v.string()),
  place: v.optional(DraftPlaceSchema),
  acting: v.optional(ActingForSchema),
  confirmations: v.optional(v.array(PartyConfirmationSchema)),
})
/** The list as a whole; each record is parsed on its own, so one damaged draft does not hide the others. */
export const DraftListEnvelopeSchema = v.object({ drafts: v.array(v.unknown()), nextCursor: v.optional(v.string()) })

const matterStatus = v.picklist(['submitted', 'accepted', 'in-review', 'site-check', 'supplement', 'concluded', 'delivered', 'rejected', 'withdrawn'])
const CaseLimitSchema = v.object({ value: count, unit: v.picklist(['workday', 'day']) })
const PausedPeriodSchema = v.object({ from: v.string(), to: v.optional(v.string()), reason: v.string() })
const RefusalSchema = v.object({
  stage: v.picklist(['acceptance', 'decision']),
  reason: v.string(),
  at: v.string(),
  remedies: v.array(v.object({ name: v.string(), within: v.string(), until: v.string(), how: v.string() })),
})
const MatterFeeSchema = v.object({
  items: v.array(v.object({ item: v.string(), amountYuan: v.number(), basis: v.optional(v.string()), sample: v.optional(v.boolean()) })),
  amountYuan: v.number(),
  status: v.picklist(['due', 'paid']),
  dueSince: v.string(),
  paidAt: v.optional(v.string()),
  receipt: v.optional(v.object({ number: v.string(), issuedAt: v.string(), payer: v.string(), amountYuan: v.number() })),
})
const ServiceHallSchema = v.object({ id: v.string(), name: v.string(), address: v.string(), hours: v.string(), phone: v.string() })
const MatterResultSchema = v.object({
  name: v.string(),
  issuedAt: v.string(),
  licence: v.optional(v.object({ kind: v.string(), title: v.string(), number: v.string() })),
  ems: v.optional(v.object({ waybill: v.string(), events: v.array(v.object({ at: v.string(), text: v.string() })), signedAt: v.optional(v.string()) })),
  pickup: v.optional(v.object({ hall: ServiceHallSchema, code: v.string(), collectedAt: v.optional(v.string()) })),
  online: v.optional(v.boolean()),
})
const CaseMatterSchema = v.object({
  matterId: v.string(),
  name: v.string(),
  department: v.string(),
  authority: v.string(),
  contact: v.object({ phone: v.string(), address: v.string(), hours: v.string() }),
  caseType: v.picklist(['instant', 'promised']),
  promisedLimitDays: count,
  limit: CaseLimitSchema,
  hasSiteCheck: v.boolean(),
  steps: v.array(v.object({ name: v.string(), limit: v.object({ value: v.number(), unit: v.picklist(['hour', 'workday', 'day']) }) })),
  stepIndex: count,
  status: matterStatus,
  outcome: v.optional(v.picklist(['approved', 'refused'])),
  acceptedAt: v.optional(v.string()),
  decidedAt: v.optional(v.string()),
  timeline: v.array(v.object({ status: matterStatus, at: v.string(), note: v.string() })),
  pauses: v.array(PausedPeriodSchema),
  refusal: v.optional(RefusalSchema),
  fee: v.optional(MatterFeeSchema),
  result: v.optional(MatterResultSchema),
})
const SupplementSchema = v.object({
  message: v.string(),
  fields: v.array(v.string()),
  materials: v.array(v.string()),
  requestedAt: v.string(),
  resolvedAt: v.optional(v.string()),
  matterIds: v.optional(v.array(v.string())),
  labels: v.optional(v.record(v.string(), v.string())),
})
const EvaluationSchema = v.object({
  level: v.picklist([1, 2, 3, 4, 5]),
  indicators: v.array(v.picklist(['efficiency', 'guideAccuracy', 'convenience', 'usability'])),
  comment: v.optional(v.string()),
  at: v.string(),
  followUp: v.optional(
    v.object({
      openedAt: v.string(),
      complex: v.boolean(),
      callbackDue: v.string(),
      rectifyDue: v.string(),
      callback: v.optional(v.object({ at: v.string(), note: v.string() })),
      answer: v.optional(v.object({ at: v.string(), text: v.string(), department: v.string() })),
    }),
  ),
})
const figures = v.object({ fields: count, materials: count, visits: count })
const CaseGuidanceSchema = v.object({
  matterIds: v.array(v.string()),
  departments: v.array(v.string()),
  fieldCount: count,
  materialCount: count,
  visits: count,
  workingDays: count,
  estimated: v.boolean(),
})
const CaseFilerSchema = v.object({
  actor: v.picklist(['staff', 'relative']),
  name: v.string(),
  hallName: v.optional(v.string()),
  window: v.optional(v.string()),
  relation: v.optional(v.string()),
  grantId: v.string(),
  via: v.picklist(['app', 'sms']),
  confirmedBy: v.picklist(['signature', 'grant']),
  signature: v.optional(v.object({ width: v.number(), height: v.number(), strokes: v.array(v.array(v.tuple([v.number(), v.number()]))) })),
  at: v.string(),
})
export const CaseRecordSchema = v.object({
  id: v.string(),
  bundleId: v.string(),
  bundleName: v.string(),
  templateVersion: count,
  draftId: v.string(),
  region: v.string(),
  applicantKind: v.picklist(['person', 'firm']),
  applicantName: v.string(),
  firm: v.optional(v.object({ uscc: v.string(), firmName: v.string(), role: v.picklist(['法定代表人', '经办人']), agentName: v.string() })),
  status: matterStatus,
  submittedAt: v.string(),
  dueDate: v.string(),
  committedDays: count,
  limit: CaseLimitSchema,
  deadline: v.picklist(['on-time', 'yellow', 'red']),
  matters: v.array(CaseMatterSchema),
  content: DraftContentSchema,
  delivery: v.optional(DeliveryChoiceSchema),
  handling: v.optional(v.picklist(['online', 'offline'])),
  acting: v.optional(ActingForSchema),
  filedBy: v.optional(CaseFilerSchema),
  guidance: CaseGuidanceSchema,
  burden: v.optional(
    v.object({
      separate: figures,
      // cases stored before the burden named each thing (format 1) read as nothing of it
      bundle: v.object({
        ...figures.entries,
        uploads: v.optional(count, 0),
        originals: v.optional(count, 0),
        deferred: v.optional(count, 0),
        promises: v.optional(count, 0),
        places: v.optional(v.array(v.string()), []),
      }),
      savedPercent: figures,
    }),
  ),
  supplement: v.optional(SupplementSchema),
  supplements: v.optional(v.array(SupplementSchema)),
  withdrawnAt: v.optional(v.string()),
  evaluation: v.optional(EvaluationSchema),
  asOf: v.optional(v.string()),
})
export const CaseListResponseSchema = v.object({ cases: v.array(CaseRecordSchema), nextCursor: v.optional(v.string()) })

// ---------- tied to contract.ts ----------

export type ContractSchemaMatchesTypes = [
  Assert<Equals<v.InferOutput<typeof PutDraftRequestSchema>, PutDraftRequest>>,
  Assert<Equals<v.InferOutput<typeof DeceasedRecordRequestSchema>, DeceasedRecordRequest>>,
  Assert<Equals<v.InferOutput<typeof SharedRecordResponseSchema>, SharedRecordResponse>>,
  Assert<Equals<v.InferOutput<typeof SubmitCaseRequestSchema>, SubmitCaseRequest>>,
  Assert<Equals<v.InferOutput<typeof SupplementSubmitRequestSchema>, SupplementSubmitRequest>>,
  Assert<Equals<v.InferOutput<typeof DraftRecordSchema>, DraftRecord>>,
  Assert<Equals<v.InferOutput<typeof InvitationSchema>, Invitation>>,
  Assert<Equals<v.InferOutput<typeof InvitationViewSchema>, InvitationView>>,
  Assert<Equals<v.InferOutput<typeof InvitationRequestSchema>, InvitationRequest>>,
  Assert<Equals<v.InferOutput<typeof ConfirmInvitationRequestSchema>, ConfirmInvitationRequest>>,
  Assert<Equals<v.InferOutput<typeof CaseMatterSchema>, CaseMatter>>,
  Assert<Equals<v.InferOutput<typeof SupplementSchema>, SupplementRequest>>,
  Assert<Equals<v.InferOutput<typeof EvaluationSchema>, Evaluation>>,
  Assert<Equals<v.InferOutput<typeof CaseGuidanceSchema>, CaseGuidance>>,
  Assert<Equals<v.InferOutput<typeof CaseRecordSchema>, CaseRecord>>,
  Assert<Equals<v.InferOutput<typeof CaseFilerSchema>, CaseFiler>>,
  Assert<Equals<v.InferOutput<typeof SignatureSchema>, Signature>>,
]

// ---------- 线上预填、线下办理 ----------

export const CreateBookingRequestSchema = v.object({ hallId: v.pipe(v.string('应为字符串'), v.maxLength(40, '过长')), start: v.pipe(v.string('应为字符串'), v.maxLength(40, '过长')), content: DraftContentSchema })
/** the window reads the prefilled application it opens: parsed, never cast */
export const OpenBookingContentSchema = v.looseObject({ content: DraftContentSchema })
