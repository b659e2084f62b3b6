// Drafts read back from the device's storage: each parsed with the domain's DraftContent schema (what an older
// app version or a damaged write left is never trusted). A draft whose content does not parse keeps every
// part that does (answers, values, material choices one by one), so nothing the citizen typed is lost to one
// bad entry; a draft with no bundle to belong to is dropped.
import * as v from 'valibot'
import { ActingForSchema, DraftContentSchema, GroupItemSchema, MaterialChoiceSchema, PartyConfirmationSchema } from '@/domain/draft-schema'
import type { DraftContent, LicenceKind } from '@/domain'
import type { LocalDraft } from './draft'

const SELF = { actor: 'self' as const, promiseAuthorised: true }
const STEPS = ['guide', 'questions', 'form', 'materials', 'delivery', 'review']

const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x)
const str = (x: unknown): x is string => typeof x === 'string'

/** Keeps the entries of a record that pass `ok`. */
function entries(x: unknown, ok: (value: unknown) => boolean): Record<string, unknown> {
  return isObject(x) ? Object.fromEntries(Object.entries(x).filter(([, value]) => ok(value))) : {}
}

function readContent(raw: unknown): DraftContent | undefined {
  const whole = v.safeParse(DraftContentSchema, raw)
  if (whole.success) return whole.output
  if (!isObject(raw)) return undefined
  const salvaged = {
    ...raw,
    answers: entries(raw.answers, (a) => str(a) || typeof a === 'boolean' || (typeof a === 'number' && Number.isFinite(a)) || (Array.isArray(a) && a.every(str))),
    values: entries(raw.values, (x) => str(x) && x.length <= 2000),
    materials: entries(raw.materials, (m) => v.is(MaterialChoiceSchema, m)),
    items: entries(raw.items, (list) => v.is(v.array(GroupItemSchema), list)),
  }
  const again = v.safeParse(DraftContentSchema, salvaged)
  return again.success ? again.output : undefined
}

/** The platform's copy as the device last saw it: the base of the next merge, the place's time, confirmations. */
function readRemote(raw: Record<string, unknown>): NonNullable<LocalDraft['remote']> {
  const remote: NonNullable<LocalDraft['remote']> = { version: raw.version as number, syncedAt: raw.syncedAt as string }
  // a base that does not parse is left out: the draft then counts as changed by time, nothing is lost
  const base = v.safeParse(DraftContentSchema, raw.base)
  if (base.success) remote.base = base.output
  if (str(raw.placeAt)) remote.placeAt = raw.placeAt
  const confirmations = v.safeParse(v.array(PartyConfirmationSchema), raw.confirmations)
  if (confirmations.success && confirmations.output.length) remote.confirmations = confirmations.output
  return remote
}

/** where the citizen was: a known step, the question, and when they got there */
function readPlace(raw: unknown): LocalDraft['place'] {
  if (!isObject(raw) || !str(raw.step) || !STEPS.includes(raw.step)) return { step: 'questions' }
  return { step: raw.step as LocalDraft['place']['step'], ...(str(raw.questionId) ? { questionId: raw.questionId } : {}), ...(str(raw.at) ? { at: raw.at } : {}) }
}

function readDraft(id: string, raw: unknown): LocalDraft | undefined {
  if (!isObject(raw)) return undefined
  const content = readContent(raw.content)
  if (!content) return undefined
  const place = readPlace(raw.place)
  const acting = v.safeParse(ActingForSchema, raw.acting)
  const at = str(raw.updatedAt) ? raw.updatedAt : new Date(0).toISOString()
  const draft: LocalDraft = {
    id,
    content,
    place,
    acting: acting.success ? acting.output : SELF,
    files: isObject(raw.files) ? (entries(raw.files, (f) => isObject(f) && str(f.materialId) && str(f.name)) as LocalDraft['files']) : {},
    createdAt: str(raw.createdAt) ? raw.createdAt : at,
    updatedAt: at,
    status: raw.status === 'submitted' ? 'submitted' : 'open',
  }
  if (isObject(raw.remote) && typeof raw.remote.version === 'number' && str(raw.remote.syncedAt)) draft.remote = readRemote(raw.remote)
  // the account the draft was synced to: never synced to another who uses this device
  if (str(raw.ownerId)) draft.ownerId = raw.ownerId
  if (isObject(raw.pending) && str(raw.pending.idempotencyKey) && str(raw.pending.startedAt) && typeof raw.pending.templateVersion === 'number')
    draft.pending = { idempotencyKey: raw.pending.idempotencyKey, startedAt: raw.pending.startedAt, templateVersion: raw.pending.templateVersion }
  if (str(raw.caseId)) draft.caseId = raw.caseId
  if (Array.isArray(raw.licences)) draft.licences = raw.licences.filter((k): k is LicenceKind => str(k))
  return draft
}

/** The drafts record as stored (any version) → drafts that can be used. */
export function readDrafts(raw: unknown): Record<string, LocalDraft> {
  const out: Record<string, LocalDraft> = {}
  if (!isObject(raw)) return out
  for (const [id, d] of Object.entries(raw)) {
    const draft = readDraft(id, d)
    if (draft) out[id] = draft
  }
  return out
}
