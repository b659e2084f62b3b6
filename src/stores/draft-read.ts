// Drafts read back from the device's storage: each parsed with the domain's DraftContent schema (what an older
// app version or a damaged write left is never trusted). A draft whose content does not parse keeps every
// part that does (answers, values, material choices one by one), so nothing the citizen typed is lost to one
// bad entry; a draft with no bundle to belong to is dropped.
import * as v from 'valibot'
import { ActingForSchema, DraftContentSchema, GroupItemSchema, MaterialChoiceSchema } from '@/domain/draft-schema'
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

function readDraft(id: string, raw: unknown): LocalDraft | undefined {
  if (!isObject(raw)) return undefined
  const content = readContent(raw.content)
  if (!content) return undefined
  const place = isObject(raw.place) && str(raw.place.step) && STEPS.includes(raw.place.step) ? (raw.place as unknown as LocalDraft['place']) : { step: 'questions' as const }
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
  if (isObject(raw.remote) && typeof raw.remote.version === 'number' && str(raw.remote.syncedAt)) draft.remote = { version: raw.remote.version, syncedAt: raw.remote.syncedAt }
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
