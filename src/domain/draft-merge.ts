// Three-way merge of a draft's content, by item: the one rulebook the platform (a write based on an older
// version) and the app (a newer copy pulled while this device has changes) both follow.
//
// An item is an entry of one of the content's keyed maps (answers.q, values.f, materials.m, delivery.method …:
// every top-level property holding a plain object is a keyed map, so a map added to DraftContent merges
// without a change here) or a top-level property that is not a map (region, templateVersion, handling …).
// An item changed on one side only takes that side; changed on both sides to different values, it is a
// conflict for the citizen. Uploaded files of one material merge as sets: a file added on either side stays,
// a file removed on either side goes.
import type { DraftContent } from './draft'

/** An item changed on both sides to different values. `undefined` is an absent (removed) item. */
export interface DraftConflictItem {
  /** 'values.shopName', 'materials.layout', 'delivery.method', 'region' */
  key: string
  /** the keyed map holding the item ('answers', 'values', 'materials', 'delivery' …); absent at the top level */
  map?: string
  /** the item's id in its map, or the top-level property */
  id: string
  base?: unknown
  mine?: unknown
  theirs?: unknown
}

export interface DraftMerge {
  /** every item merged; a conflicting item holds `theirs` until the citizen chooses */
  content: DraftContent
  conflicts: DraftConflictItem[]
}

export type MergeChoice = 'mine' | 'theirs'

type Json = Record<string, unknown>

const isMap = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x)

/** Structural equality of JSON values; key order does not matter, an absent key equals `undefined`. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((x, i) => sameValue(x, b[i]))
  }
  if (!isMap(a) || !isMap(b)) return false
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const k of keys) if (!sameValue(a[k], b[k])) return false
  return true
}

/** Same content: what the platform holds needs no new version. */
export function sameContent(a: DraftContent, b: DraftContent): boolean {
  return sameValue(a, b)
}

type Uploads = { mode: 'upload'; fileIds: string[] }
const isUploads = (x: unknown): x is Uploads => isMap(x) && x.mode === 'upload' && Array.isArray(x.fileIds)

/** Files kept on both sides, then those added by theirs, then by mine; a file removed on either side is gone. */
function mergeFiles(base: string[], mine: string[], theirs: string[]): string[] {
  const removed = new Set([...base.filter((f) => !mine.includes(f)), ...base.filter((f) => !theirs.includes(f))])
  const out: string[] = []
  for (const f of [...base, ...theirs, ...mine]) if (!removed.has(f) && !out.includes(f)) out.push(f)
  return out
}

type ItemMerge = { value: unknown } | { conflict: true }

function mergeItem(base: unknown, mine: unknown, theirs: unknown): ItemMerge {
  if (sameValue(mine, theirs)) return { value: theirs }
  if (sameValue(base, mine)) return { value: theirs }
  if (sameValue(base, theirs)) return { value: mine }
  // two devices uploading to the same material: every file stays
  if (isUploads(mine) && isUploads(theirs)) return { value: { ...theirs, fileIds: mergeFiles(isUploads(base) ? base.fileIds : [], mine.fileIds, theirs.fileIds) } }
  return { conflict: true }
}

const absentMap = (x: unknown): Json | undefined => (x === undefined ? {} : isMap(x) ? x : undefined)

/**
 * Merges `mine` and `theirs`, two descendants of `base`. Without a base (unknown, or two drafts begun
 * apart) every item set on both sides to different values is a conflict.
 */
export function mergeDrafts(base: DraftContent | undefined, mine: DraftContent, theirs: DraftContent): DraftMerge {
  const b = (base ?? {}) as Json
  const m = mine as unknown as Json
  const t = theirs as unknown as Json
  const out: Json = {}
  const conflicts: DraftConflictItem[] = []
  for (const prop of new Set([...Object.keys(m), ...Object.keys(t), ...Object.keys(b)])) {
    const maps = [absentMap(b[prop]), absentMap(m[prop]), absentMap(t[prop])]
    const keyed = (isMap(m[prop]) || isMap(t[prop])) && maps.every((x) => x !== undefined)
    if (!keyed) {
      const r = mergeItem(b[prop], m[prop], t[prop])
      if ('conflict' in r) conflicts.push({ key: prop, id: prop, base: b[prop], mine: m[prop], theirs: t[prop] })
      const value = 'conflict' in r ? t[prop] : r.value
      if (value !== undefined) out[prop] = value
      continue
    }
    const [bm, mm, tm] = maps as Json[]
    const merged: Json = {}
    for (const id of new Set([...Object.keys(mm), ...Object.keys(tm), ...Object.keys(bm)])) {
      const r = mergeItem(bm[id], mm[id], tm[id])
      if ('conflict' in r) conflicts.push({ key: `${prop}.${id}`, map: prop, id, base: bm[id], mine: mm[id], theirs: tm[id] })
      const value = 'conflict' in r ? tm[id] : r.value
      if (value !== undefined) merged[id] = value
    }
    // a map absent on a side that dropped it stays absent when nothing is left in it
    if (Object.keys(merged).length || (m[prop] !== undefined && t[prop] !== undefined)) out[prop] = merged
  }
  return { content: out as unknown as DraftContent, conflicts }
}

/** The merge with the citizen's choice for each conflict (`theirs` where none is given). */
export function resolveDraftMerge(merge: DraftMerge, choices: Record<string, MergeChoice>): DraftContent {
  const out = { ...(merge.content as unknown as Json) }
  for (const c of merge.conflicts) {
    const value = choices[c.key] === 'mine' ? c.mine : c.theirs
    if (c.map === undefined) {
      if (value === undefined) delete out[c.id]
      else out[c.id] = value
      continue
    }
    const map = { ...(isMap(out[c.map]) ? (out[c.map] as Json) : {}) }
    if (value === undefined) delete map[c.id]
    else map[c.id] = value
    out[c.map] = map
  }
  return out as unknown as DraftContent
}

/** Nothing given yet: no answer, value, material or choice (a draft just begun). */
export function isEmptyContent(c: DraftContent): boolean {
  const j = c as unknown as Json
  return Object.keys(j).every((k) => {
    const v = j[k]
    if (k === 'bundleId' || k === 'templateVersion' || k === 'region' || k === 'applicantKind') return true
    return v === undefined || (isMap(v) && Object.keys(v).length === 0)
  })
}

/**
 * The base for merging two drafts of the same bundle begun apart: nothing given, so an item set on one
 * side is taken and an item set differently on both is asked. The newer guide version is taken.
 */
export function commonBase(mine: DraftContent, theirs: DraftContent): DraftContent {
  return {
    bundleId: theirs.bundleId,
    templateVersion: Math.min(mine.templateVersion, theirs.templateVersion),
    region: mine.region === theirs.region ? theirs.region : '',
    applicantKind: theirs.applicantKind,
    answers: {},
    values: {},
    materials: {},
  }
}
