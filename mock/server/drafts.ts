// Draft writes. A write names the version its content was based on; when other devices wrote since, the
// platform merges by item with the domain's rulebook (the content of earlier versions is kept as bases) and
// refuses only items changed on both sides. One open draft per bundle, applicant kind and actor.
import type { ActingFor, DraftContent } from '../../src/domain/draft'
import { mergeDrafts, sameContent } from '../../src/domain/draft-merge'
import type { DraftPlace, DraftRecord, PutDraftRequest } from '../../src/services/contract'
import type { Core } from './core'
import { fail } from './http'
import { currentConfirmations } from './routes-parties'
import type { StoredDraft } from './state'

/** Earlier versions are kept this long after being replaced, and at most this many per draft. */
export const DRAFT_BASE_DAYS = 30
export const DRAFT_BASE_MAX = 100

export function draftKey(ownerId: string, id: string): string {
  return `${ownerId}:${id}`
}

const versionKey = (ownerId: string, id: string, version: number) => `${draftKey(ownerId, id)}@${version}`

/** The draft as its owner sees it: no bases or invitations, only confirmations of the content as it stands now. */
export function publicDraft(d: StoredDraft): DraftRecord {
  const { ownerId: _o, kept: _k, invitations: _i, confirmations: _c, ...rest } = d
  const confirmations = currentConfirmations(d, d.content)
  return confirmations.length ? { ...rest, confirmations } : rest
}

const actorOf = (acting?: ActingFor) => acting?.actor ?? 'self'

/** The owner's other open draft of the same bundle, applicant kind and actor. */
function twinOf(core: Core, ownerId: string, id: string, content: DraftContent, acting?: ActingFor): StoredDraft | undefined {
  return core.state.drafts
    .values()
    .find((d) => d.ownerId === ownerId && d.id !== id && d.status === 'open' && d.content.bundleId === content.bundleId && d.content.applicantKind === content.applicantKind && actorOf(d.acting) === actorOf(acting))
}

function baseOf(core: Core, d: StoredDraft, version: number): DraftContent | undefined {
  if (version === d.version) return d.content
  return d.kept?.includes(version) ? core.state.draftVersions.get(versionKey(d.ownerId, d.id, version))?.content : undefined
}

/** Keeps the replaced version as a base; forgets bases past their time or beyond the cap. */
function keepVersion(core: Core, d: StoredDraft, now: string): number[] {
  core.state.draftVersions.set(versionKey(d.ownerId, d.id, d.version), { content: d.content, supersededAt: now })
  const oldest = Date.parse(now) - DRAFT_BASE_DAYS * 86_400_000
  const kept: number[] = []
  for (const v of [...(d.kept ?? []), d.version]) {
    const rec = core.state.draftVersions.get(versionKey(d.ownerId, d.id, v))
    if (rec && Date.parse(rec.supersededAt) >= oldest) kept.push(v)
    else core.state.draftVersions.delete(versionKey(d.ownerId, d.id, v))
  }
  for (const v of kept.splice(0, Math.max(0, kept.length - DRAFT_BASE_MAX))) core.state.draftVersions.delete(versionKey(d.ownerId, d.id, v))
  return kept
}

const later = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : a >= b ? a : b)
/** a device's clock may run ahead: never later than the platform's now */
const notAfter = (iso: string | undefined, now: string) => (iso && iso < now ? new Date(Date.parse(iso)).toISOString() : now)

function newerPlace(current: DraftPlace | undefined, sent: DraftPlace | undefined, now: string): DraftPlace | undefined {
  if (!sent) return current
  const place = { ...sent, at: notAfter(sent.at, now) }
  return !current || place.at > current.at ? place : current
}

export interface DraftWrite {
  status: 200 | 201
  draft: DraftRecord
}

export function writeDraft(core: Core, ownerId: string, id: string, req: PutDraftRequest): DraftWrite {
  const key = draftKey(ownerId, id)
  const cur = core.state.drafts.get(key)
  const now = new Date(core.now()).toISOString()
  if (!cur) {
    if (req.baseVersion !== 0) return fail('NOT_FOUND', '草稿不存在或已在其他设备删除')
    const twin = twinOf(core, ownerId, id, req.content, req.acting)
    if (twin) return fail('CONFLICT', '您已有一份同一件事的草稿，请选择继续平台上的草稿，或把两份合并', { current: publicDraft(twin) })
    const d: StoredDraft = {
      id,
      ownerId,
      version: 1,
      content: req.content,
      createdAt: now,
      updatedAt: now,
      editedAt: notAfter(req.editedAt, now),
      ...(req.place ? { place: newerPlace(undefined, req.place, now) } : {}),
      acting: req.acting ?? { actor: 'self', promiseAuthorised: true },
      status: 'open',
    }
    core.state.drafts.set(key, d)
    return { status: 201, draft: publicDraft(d) }
  }
  if (cur.status === 'submitted') return fail('CONFLICT', '该草稿已提交，不能再修改', { current: publicDraft(cur), caseId: cur.caseId })
  const merged = req.baseVersion === cur.version ? { content: req.content, conflicts: [] } : mergeDrafts(baseOf(core, cur, req.baseVersion), req.content, cur.content)
  if (merged.conflicts.length) {
    return fail('CONFLICT', `草稿已在其他设备修改，有 ${merged.conflicts.length} 项两边填得不一样，请逐项选择`, { current: publicDraft(cur), conflicts: merged.conflicts.map((c) => c.key) })
  }
  const changed = !sameContent(merged.content, cur.content)
  const place = newerPlace(cur.place, req.place, now)
  if (!changed && place === cur.place) return { status: 200, draft: publicDraft(cur) }
  const d: StoredDraft = changed
    ? { ...cur, version: cur.version + 1, content: merged.content, updatedAt: now, editedAt: later(cur.editedAt, notAfter(req.editedAt, now)), place, kept: keepVersion(core, cur, now) }
    : { ...cur, place }
  core.state.drafts.set(key, d)
  return { status: 200, draft: publicDraft(d) }
}

/** Removes a draft and the versions kept as bases. */
export function deleteDraft(core: Core, d: StoredDraft): void {
  for (const v of d.kept ?? []) core.state.draftVersions.delete(versionKey(d.ownerId, d.id, v))
  core.state.drafts.delete(draftKey(d.ownerId, d.id))
}
