// Runtime schemas of the contract's shapes that carry a draft: the requests the platform checks (mock/) and
// the replies the app parses (platform client). One schema per shape, tied to contract.ts's types at compile
// time. The template schema is not here: it is parsed in the journey only (src/domain/template/schema.ts).
import * as v from 'valibot'
import type { Assert, Equals } from '../domain/type-assert'
import { ActingForSchema, DeliveryChoiceSchema, DraftContentSchema, FieldValuesSchema, MaterialChoicesSchema } from '../domain/draft-schema'
import type {
  CaseGuidance,
  ConfirmInvitationRequest,
  Invitation,
  InvitationRequest,
  InvitationView,
  CaseMatter,
  CaseRecord,
  DraftRecord,
  Evaluation,
  PutDraftRequest,
  SubmitCaseRequest,
  SupplementRequest,
  SupplementSubmitRequest,
} from './contract'

const DRAFT_ID = v.pipe(v.string('应为字符串'), v.regex(/^[A-Za-z0-9-]{8,64}$/, '草稿编号格式不正确'))
const count = v.pipe(v.number('应为整数'), v.integer('应为整数'), v.minValue(0, '不能为负数'))

// ---------- requests ----------

export const PutDraftRequestSchema = v.object({ content: DraftContentSchema, baseVersion: count })
export const SubmitCaseRequestSchema = v.object({ draftId: DRAFT_ID, content: DraftContentSchema, acting: v.optional(ActingForSchema) })
export const SupplementSubmitRequestSchema = v.object({
  values: v.optional(FieldValuesSchema, {}),
  materials: v.optional(MaterialChoicesSchema, {}),
})

// ---------- replies ----------

export const PartyConfirmationSchema = v.object({ party: v.string(), name: v.string(), at: v.string() })
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
  confirmations: v.optional(v.array(PartyConfirmationSchema)),
})
/** The list as a whole; each record is parsed on its own, so one damaged draft does not hide the others. */
export const DraftListEnvelopeSchema = v.object({ drafts: v.array(v.unknown()), nextCursor: v.optional(v.string()) })

const matterStatus = v.picklist(['submitted', 'accepted', 'in-review', 'site-check', 'supplement', 'concluded', 'delivered'])
const CaseMatterSchema = v.object({
  matterId: v.string(),
  name: v.string(),
  department: v.string(),
  authority: v.string(),
  caseType: v.picklist(['instant', 'promised']),
  promisedLimitDays: count,
  hasSiteCheck: v.boolean(),
  status: matterStatus,
  outcome: v.optional(v.picklist(['approved', 'refused'])),
  timeline: v.array(v.object({ status: matterStatus, at: v.string(), note: v.string() })),
})
const SupplementSchema = v.object({
  message: v.string(),
  fields: v.array(v.string()),
  materials: v.array(v.string()),
  requestedAt: v.string(),
  resolvedAt: v.optional(v.string()),
})
const level = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5))
const EvaluationSchema = v.object({
  level,
  indicators: v.object({ efficiency: level, guideAccuracy: level, convenience: level, usability: level }),
  comment: v.optional(v.string()),
  at: v.string(),
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
export const CaseRecordSchema = v.object({
  id: v.string(),
  bundleId: v.string(),
  bundleName: v.string(),
  templateVersion: count,
  draftId: v.string(),
  region: v.string(),
  applicantKind: v.picklist(['person', 'firm']),
  applicantName: v.string(),
  status: matterStatus,
  submittedAt: v.string(),
  dueDate: v.string(),
  committedDays: count,
  deadline: v.picklist(['on-time', 'yellow', 'red']),
  matters: v.array(CaseMatterSchema),
  content: DraftContentSchema,
  delivery: v.optional(DeliveryChoiceSchema),
  handling: v.optional(v.picklist(['online', 'offline'])),
  acting: v.optional(ActingForSchema),
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
  evaluation: v.optional(EvaluationSchema),
})
export const CaseListResponseSchema = v.object({ cases: v.array(CaseRecordSchema), nextCursor: v.optional(v.string()) })

// ---------- tied to contract.ts ----------

export type ContractSchemaMatchesTypes = [
  Assert<Equals<v.InferOutput<typeof PutDraftRequestSchema>, PutDraftRequest>>,
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
]
