// Drafts that follow the citizen (无感切换). Every change is pushed to the platform in the background with the
// version it was based on; the platform merges it by item with what other devices wrote since. Pulling merges
// the same way (the domain's rulebook, src/domain/draft-merge.ts) against the platform's copy this device last
// saw, kept as the draft's base. Only an item changed on both sides waits for the citizen, item by item. A
// draft begun here for a bundle the platform already holds a draft of is never silently a second one: the
// citizen continues the platform's or merges the two. Deletions are carried to the platform (tombstones until
// they land), and a draft deleted on another device goes here too unless it was changed here since.
import { create } from 'zustand'
import { commonBase, isEmptyContent, mergeDrafts, resolveDraftMerge, sameContent, type DraftConflictItem, type MergeChoice } from '@/domain/draft-merge'
import type { DraftContent } from '@/domain'
import type { DraftPlace, DraftRecord } from '@/services/contract'
import { isPlatformError, type PlatformClient } from '@/services/platform'
import type { KeyValueStorage } from '@/services/storage'
import { SELF, type DraftFile, type DraftStore, type JourneyPlace, type LocalDraft, type RemoteCopy } from './draft'

export const SYNC_KEY = 'yjs.sync.v1'

export type SyncClient = Pick<PlatformClient, 'putDraft' | 'listDrafts' | 'getDraft' | 'deleteDraft' | 'getUpload'>

export type DraftSyncStatus = 'synced' | 'syncing' | 'waiting' | 'conflict' | 'error'

/** Items changed here and on another device: the citizen chooses each. */
export interface PendingMerge {
  /** the platform's copy */
  theirs: DraftRecord
  /** what both began from (undefined: not known) */
  base?: DraftContent
  items: DraftConflictItem[]
}

export interface SyncState {
  status: Record<string, DraftSyncStatus>
  conflicts: Record<string, PendingMerge>
  /** a draft begun on this device (key) for a bundle the platform already holds an open draft of (value) */
  duplicates: Record<string, DraftRecord>
  /** a draft given up for the platform's: its id → the id to open instead */
  replaced: Record<string, string>
  /** deleted here, still to delete on the platform */
  tombstones: string[]
  lastError?: string
  /** pushes one draft if it changed since the platform last saw it */
  push(id: string): Promise<void>
  /** brings in drafts from other devices, newer copies (merged with changes made here), deletions and submissions */
  pull(): Promise<void>
  /** deletes queued deletions and pushes every changed draft */
  flush(): Promise<void>
  /** settles a conflict: for each item, this device's value or the other's */
  resolve(id: string, choices: Record<string, MergeChoice>): Promise<void>
  /** a second draft of a bundle: drop this device's and continue the platform's */
  continueTheirs(localId: string): void
  /** a second draft of a bundle: merge this device's into the platform's (asks where both differ) */
  mergeDuplicate(localId: string): Promise<void>
  /** asks the platform who has confirmed this draft (several parties); false when it could not say */
  refreshConfirmations(id: string): Promise<boolean>
}

export interface SyncDeps {
  client: SyncClient
  drafts: DraftStore
  storage: KeyValueStorage
  /** syncing needs a signed-in citizen; drafts stay local until then */
  signedIn: () => boolean
  /** the signed-in person: a draft synced to one account is never synced to another (a shared device) */
  userId: () => string | undefined
  now?: () => string
}

/** The content changed here since the platform last saw it. */
export function contentChanged(d: LocalDraft): boolean {
  if (!d.remote) return true
  // drafts saved before bases were kept: by time
  return d.remote.base ? !sameContent(d.content, d.remote.base) : d.updatedAt > d.remote.syncedAt
}

/** Something the platform does not have yet: content, or a newer place. */
export function isDirty(d: LocalDraft): boolean {
  if (d.status !== 'open') return false
  return contentChanged(d) || (!!d.place.at && d.place.at > (d.remote?.placeAt ?? ''))
}

const isUpload = (c: unknown): c is { mode: 'upload'; fileIds: string[] } => typeof c === 'object' && c !== null && (c as { mode?: unknown }).mode === 'upload' && Array.isArray((c as { fileIds?: unknown }).fileIds)

const later = (a: string | undefined, b: string | undefined): string | undefined => (!a ? b : !b ? a : a >= b ? a : b)

/** The newer of two places (by the time the citizen got there). */
function newerPlace(mine: JourneyPlace, theirs: DraftPlace | undefined): JourneyPlace {
  return theirs && theirs.at > (mine.at ?? '') ? { ...theirs } : mine
}

function placeOut(p: JourneyPlace): DraftPlace | undefined {
  return p.at ? { step: p.step, at: p.at, ...(p.questionId ? { questionId: p.questionId } : {}) } : undefined
}

/** Same bundle, applicant kind and actor: the platform keeps one open draft of each. */
function sameKind(d: LocalDraft, rec: DraftRecord): boolean {
  return d.content.bundleId === rec.content.bundleId && d.content.applicantKind === rec.content.applicantKind && d.acting.actor === (rec.acting?.actor ?? 'self')
}

interface Saved {
  tombstones: string[]
  replaced: Record<string, string>
}

function readSaved(storage: KeyValueStorage): Saved {
  try {
    const v = JSON.parse(storage.getItem(SYNC_KEY) ?? 'null') as Partial<Saved> | null
    const tombstones = Array.isArray(v?.tombstones) ? v.tombstones.filter((t): t is string => typeof t === 'string') : []
    const replaced: Record<string, string> = {}
    if (v?.replaced && typeof v.replaced === 'object') for (const [k, x] of Object.entries(v.replaced)) if (typeof x === 'string') replaced[k] = x
    return { tombstones, replaced }
  } catch {
    return { tombstones: [], replaced: {} }
  }
}

export function createSyncStore(deps: SyncDeps) {
  const now = deps.now ?? (() => new Date().toISOString())
  const running = new Map<string, Promise<void>>()
  const again = new Set<string>()
  const saved = readSaved(deps.storage)

  return create<SyncState>()((set, get) => {
    const setStatus = (id: string, st: DraftSyncStatus) => set((s) => ({ status: { ...s.status, [id]: st } }))
    const save = (patch: Partial<Saved>) => {
      set(patch)
      const s = get()
      deps.storage.setItem(SYNC_KEY, JSON.stringify({ tombstones: s.tombstones, replaced: s.replaced }))
    }
    const draftsApi = () => deps.drafts.getState()
    /** the signed-in person's, or nobody's yet (then it becomes theirs at its first sync) */
    const isMine = (d: LocalDraft) => {
      const user = deps.userId()
      return !!user && (!d.ownerId || d.ownerId === user)
    }
    const without = <T>(map: Record<string, T>, id: string): Record<string, T> => {
      const out = { ...map }
      delete out[id]
      return out
    }
    const setDraft = (id: string, change: (d: LocalDraft) => LocalDraft) =>
      deps.drafts.setState((s) => (s.drafts[id] ? { drafts: { ...s.drafts, [id]: change(s.drafts[id]) } } : s))

    /** what this device now knows the platform holds */
    const remoteOf = (rec: DraftRecord, placeAt?: string): RemoteCopy => ({
      version: rec.version,
      syncedAt: now(),
      base: rec.content,
      placeAt: later(placeAt, rec.place?.at),
      // co-applicants who confirmed that content (several parties)
      ...(rec.confirmations?.length ? { confirmations: rec.confirmations } : {}),
    })

    /** who has confirmed the version this device holds (a co-applicant may have confirmed since) */
    const confirmationsOf = (rec: DraftRecord) =>
      setDraft(rec.id, (x) => {
        if (!x.remote || x.remote.version !== rec.version || JSON.stringify(x.remote.confirmations ?? []) === JSON.stringify(rec.confirmations ?? [])) return x
        const { confirmations: _old, ...remote } = x.remote
        return { ...x, remote: rec.confirmations?.length ? { ...remote, confirmations: rec.confirmations } : remote }
      })

    /** the platform's copy becomes this device's (nothing here is newer) */
    const adopt = (rec: DraftRecord) => {
      const before = draftsApi().drafts[rec.id]
      const d: LocalDraft = before
        ? { ...before, content: rec.content, place: newerPlace(before.place, rec.place), updatedAt: later(before.updatedAt, rec.editedAt) as string, remote: remoteOf(rec, before.remote?.placeAt), ownerId: before.ownerId ?? deps.userId() }
        : {
            id: rec.id,
            content: rec.content,
            // where the citizen was on the other device (a draft saved by an older app: its first step)
            place: rec.place ? { ...rec.place } : { step: 'questions' },
            acting: rec.acting ?? SELF,
            files: {},
            createdAt: rec.createdAt,
            updatedAt: rec.editedAt ?? rec.updatedAt,
            status: 'open',
            remote: remoteOf(rec),
            ownerId: deps.userId(),
          }
      deps.drafts.setState((s) => ({ drafts: { ...s.drafts, [rec.id]: d } }))
      void fillFileNames(rec.id)
    }

    /** names of uploaded files the device has not seen (a draft from another device, or the other side of a question) */
    async function fillFileNames(id: string, asked: DraftConflictItem[] = []) {
      const d = draftsApi().drafts[id]
      if (!d) return
      const choices: [string, unknown][] = [...Object.entries(d.content.materials), ...asked.filter((i) => i.map === 'materials').flatMap((i) => [[i.id, i.mine] as [string, unknown], [i.id, i.theirs] as [string, unknown]])]
      const missing = choices.flatMap(([materialId, c]) => (isUpload(c) ? c.fileIds.filter((f) => !d.files[f]).map((f) => ({ f, materialId })) : []))
      const found: Record<string, DraftFile> = {}
      for (const { f, materialId } of missing) {
        try {
          const u = await deps.client.getUpload(f)
          found[f] = { materialId, name: u.name, size: u.size, type: u.type, uploadedAt: u.uploadedAt }
        } catch {
          // shown without its name; submitting still works
        }
      }
      if (Object.keys(found).length) setDraft(id, (x) => ({ ...x, files: { ...x.files, ...found } }))
    }

    const ask = (id: string, pending: PendingMerge) => {
      set((s) => ({ conflicts: { ...s.conflicts, [id]: pending } }))
      setStatus(id, 'conflict')
      void fillFileNames(id, pending.items)
    }

    /** A newer platform copy of a draft this device has: taken as is, or merged with the changes made here. */
    function incoming(rec: DraftRecord) {
      const d = draftsApi().drafts[rec.id]
      if (!d || d.status !== 'open' || get().conflicts[rec.id]) return
      if (!contentChanged(d)) return adopt(rec)
      const base = d.remote?.base
      const merged = mergeDrafts(base, d.content, rec.content)
      if (merged.conflicts.length) return ask(rec.id, { theirs: rec, base, items: merged.conflicts })
      // merged cleanly: still differs from the platform's, so it is pushed
      setDraft(rec.id, (x) => ({ ...x, content: merged.content, place: newerPlace(x.place, rec.place), updatedAt: later(x.updatedAt, rec.editedAt) as string, remote: remoteOf(rec, x.remote?.placeAt) }))
      void fillFileNames(rec.id)
    }

    /** The platform accepted a push of `sent`; its answer may hold changes from other devices merged in. */
    function settle(id: string, rec: DraftRecord, sent: DraftContent, sentPlaceAt: string | undefined) {
      const d = draftsApi().drafts[id]
      if (!d) return
      let content = d.content
      if (!sameContent(rec.content, sent)) {
        const merged = mergeDrafts(sent, d.content, rec.content)
        // an item changed here while the request was out, and on another device: asked
        if (merged.conflicts.length) ask(id, { theirs: rec, base: sent, items: merged.conflicts })
        else content = merged.content
      }
      setDraft(id, (x) => ({ ...x, content, place: newerPlace(x.place, rec.place), updatedAt: later(x.updatedAt, rec.editedAt) as string, remote: remoteOf(rec, sentPlaceAt) }))
      if (content !== d.content) void fillFileNames(id)
    }

    /** The platform already holds an open draft of this bundle: nothing typed here → continue it, else ask. */
    function duplicateFound(localId: string, rec: DraftRecord) {
      const d = draftsApi().drafts[localId]
      if (!d) return
      set((s) => ({ duplicates: { ...s.duplicates, [localId]: rec } }))
      if (isEmptyContent(d.content)) get().continueTheirs(localId)
      else setStatus(localId, 'conflict')
    }

    /** Gives up a local draft for the platform's `rec`, keeping what it knew about files and e-licences. */
    function replaceBy(localId: string, rec: DraftRecord) {
      const local = draftsApi().drafts[localId]
      adopt(rec)
      if (local) {
        setDraft(rec.id, (x) => ({ ...x, files: { ...local.files, ...x.files }, licences: [...new Set([...(x.licences ?? []), ...(local.licences ?? [])])] }))
        // never synced, so nothing to delete on the platform
        draftsApi().remove(localId)
      }
      set((s) => ({ duplicates: without(s.duplicates, localId), status: without(s.status, localId) }))
      save({ replaced: { ...get().replaced, [localId]: rec.id } })
    }

    async function pushOnce(id: string): Promise<void> {
      const d = draftsApi().drafts[id]
      if (!d || !isDirty(d) || !deps.signedIn() || !isMine(d) || get().conflicts[id] || get().duplicates[id]) return
      const owner = deps.userId()
      setStatus(id, 'syncing')
      const sent = d.content
      const place = placeOut(d.place)
      try {
        const rec = await deps.client.putDraft(id, sent, d.remote?.version ?? 0, { editedAt: d.updatedAt, ...(place ? { place } : {}), ...(d.remote ? {} : { acting: d.acting }) })
        settle(id, rec, sent, place?.at)
        if (owner && draftsApi().drafts[id] && !draftsApi().drafts[id].ownerId) setDraft(id, (x) => ({ ...x, ownerId: owner }))
        if (!get().conflicts[id]) setStatus(id, 'synced')
        set({ lastError: undefined })
      } catch (e) {
        if (isPlatformError(e) && e.kind === 'conflict' && e.current) {
          const current = e.current
          if (current.status === 'submitted' && current.caseId) {
            draftsApi().markSubmitted(id, current.caseId)
            setStatus(id, 'synced')
          } else if (current.id !== id) duplicateFound(id, current)
          else {
            // merged here with this device's base: a clean merge is pushed again, on the platform's version
            incoming(current)
            if (!get().conflicts[id]) again.add(id)
          }
          return
        }
        if (isPlatformError(e) && e.kind === 'not-found' && d.remote) {
          // deleted on another device after a change here: keep this copy, and create it again
          draftsApi().setRemote(id, undefined)
          again.add(id)
          return
        }
        set({ lastError: isPlatformError(e) ? e.message : '草稿暂未同步到平台' })
        setStatus(id, isPlatformError(e) && (e.kind === 'offline' || e.kind === 'timeout' || e.kind === 'server') ? 'waiting' : 'error')
      }
    }

    return {
      status: {},
      conflicts: {},
      duplicates: {},
      replaced: saved.replaced,
      tombstones: saved.tombstones,
      push(id) {
        const r = running.get(id)
        if (r) {
          again.add(id)
          return r
        }
        const p = (async () => {
          // a few rounds at most: changes made while a request was out, a merge to send
          for (let round = 0; round < 4; round++) {
            again.delete(id)
            await pushOnce(id)
            if (!again.has(id)) break
          }
        })().finally(() => running.delete(id))
        running.set(id, p)
        return p
      },
      async pull() {
        if (!deps.signedIn()) return
        let records: DraftRecord[]
        try {
          records = await deps.client.listDrafts()
        } catch (e) {
          set({ lastError: isPlatformError(e) ? e.message : '暂时无法读取平台上的草稿' })
          return
        }
        const dead = new Set(get().tombstones)
        // not in the list: deleted elsewhere only if the platform says so (a list read in pages can miss a
        // draft another device moved to the front meanwhile)
        const listed = new Set(records.map((r) => r.id))
        const unlisted = (d: LocalDraft) => d.status === 'open' && !!d.remote && isMine(d) && !listed.has(d.id) && !dead.has(d.id) && !running.has(d.id)
        const gone = new Set<string>()
        const found: DraftRecord[] = []
        for (const d of Object.values(draftsApi().drafts).filter(unlisted)) {
          try {
            found.push(await deps.client.getDraft(d.id))
          } catch (e) {
            // any other failure: kept until a pull can tell
            if (isPlatformError(e) && e.kind === 'not-found') gone.add(d.id)
          }
        }
        for (const rec of [...records, ...found]) {
          if (dead.has(rec.id)) continue
          const local = draftsApi().drafts[rec.id]
          // the same id kept for someone else who used this device: left alone
          if (local && !isMine(local)) continue
          if (rec.status === 'submitted') {
            if (local && local.status === 'open' && rec.caseId) draftsApi().markSubmitted(rec.id, rec.caseId)
            continue
          }
          const offered = Object.entries(get().duplicates).find(([, x]) => x.id === rec.id)
          if (offered) {
            // offered already: the offer shows the platform's latest
            set((s) => ({ duplicates: { ...s.duplicates, [offered[0]]: rec } }))
            continue
          }
          if (!local) {
            const twin = Object.values(draftsApi().drafts).find((d) => d.status === 'open' && !d.remote && !d.ownerId && sameKind(d, rec) && !get().duplicates[d.id])
            if (twin) duplicateFound(twin.id, rec)
            else adopt(rec)
          } else if (local.status === 'open') {
            if (rec.version > (local.remote?.version ?? 0)) incoming(rec)
            else {
              if (rec.place && rec.place.at > (local.place.at ?? '')) setDraft(rec.id, (x) => ({ ...x, place: { ...rec.place! }, remote: x.remote && { ...x.remote, placeAt: rec.place!.at } }))
              if (rec.version === local.remote?.version) confirmationsOf(rec)
            }
          }
        }
        // deleted on another device: gone here too, unless changed here since (then it is created again)
        for (const d of Object.values(draftsApi().drafts)) {
          if (!gone.has(d.id) || !unlisted(d)) continue
          draftsApi().setRemote(d.id, undefined)
          if (!contentChanged({ ...d, remote: d.remote })) draftsApi().remove(d.id)
        }
      },
      async refreshConfirmations(id) {
        const d = draftsApi().drafts[id]
        if (!d?.remote || !deps.signedIn() || !isMine(d)) return false
        try {
          // only who confirmed the copy the device holds: a newer content comes through pull
          confirmationsOf(await deps.client.getDraft(id))
          return true
        } catch {
          return false
        }
      },
      async flush() {
        if (!deps.signedIn()) return
        for (const id of get().tombstones) {
          try {
            await deps.client.deleteDraft(id)
            save({ tombstones: get().tombstones.filter((t) => t !== id) })
          } catch (e) {
            if (isPlatformError(e) && e.kind === 'not-found') save({ tombstones: get().tombstones.filter((t) => t !== id) })
          }
        }
        await Promise.all(Object.values(draftsApi().drafts).filter((d) => isDirty(d) && isMine(d)).map((d) => get().push(d.id)))
      },
      async resolve(id, choices) {
        const pending = get().conflicts[id]
        const d = draftsApi().drafts[id]
        if (!pending || !d) return
        // against the content as it is now: the citizen may have typed more while the question waited
        const merged = mergeDrafts(pending.base, d.content, pending.theirs.content)
        if (merged.conflicts.some((c) => !(c.key in choices))) return ask(id, { ...pending, items: merged.conflicts })
        const rec = pending.theirs
        setDraft(id, (x) => ({ ...x, content: resolveDraftMerge(merged, choices), place: newerPlace(x.place, rec.place), updatedAt: later(x.updatedAt, rec.editedAt) as string, remote: remoteOf(rec, x.remote?.placeAt) }))
        set((s) => ({ conflicts: without(s.conflicts, id) }))
        setStatus(id, 'synced')
        void fillFileNames(id)
        await get().push(id)
      },
      continueTheirs(localId) {
        const rec = get().duplicates[localId]
        if (rec) replaceBy(localId, rec)
      },
      async mergeDuplicate(localId) {
        const rec = get().duplicates[localId]
        const local = draftsApi().drafts[localId]
        if (!rec || !local) return
        const base = commonBase(local.content, rec.content)
        const mine = local.content
        replaceBy(localId, rec)
        const merged = mergeDrafts(base, mine, rec.content)
        if (merged.conflicts.length) {
          // this device's content waits under the platform's id until the citizen chooses
          setDraft(rec.id, (x) => ({ ...x, content: mine }))
          return ask(rec.id, { theirs: rec, base, items: merged.conflicts })
        }
        setDraft(rec.id, (x) => ({ ...x, content: merged.content, updatedAt: later(x.updatedAt, local.updatedAt) as string }))
        void fillFileNames(rec.id)
        await get().push(rec.id)
      },
    }
  })
}

export type SyncStore = ReturnType<typeof createSyncStore>

/**
 * Watches the draft store: a changed open draft is pushed after `delayMs` of quiet; a removed draft that the
 * platform knows is deleted there too. Returns the function that stops watching.
 */
export function watchDrafts(sync: SyncStore, drafts: DraftStore, storage: KeyValueStorage, opts: { delayMs?: number; setTimer?: typeof setTimeout; clearTimer?: typeof clearTimeout } = {}): () => void {
  const delay = opts.delayMs ?? 1500
  const setTimer = opts.setTimer ?? setTimeout
  const clearTimer = opts.clearTimer ?? clearTimeout
  const timers = new Map<string, ReturnType<typeof setTimeout>>()
  const schedule = (key: string, run: () => void) => {
    const t = timers.get(key)
    if (t !== undefined) clearTimer(t)
    timers.set(
      key,
      setTimer(() => {
        timers.delete(key)
        run()
      }, delay),
    )
  }
  const unsubscribe = drafts.subscribe((next, prev) => {
    for (const d of Object.values(next.drafts)) {
      if (prev.drafts[d.id] !== d && isDirty(d)) schedule(d.id, () => void sync.getState().push(d.id))
    }
    const removed = Object.values(prev.drafts).filter((d) => !next.drafts[d.id] && d.remote)
    if (removed.length) {
      const tombstones = [...new Set([...sync.getState().tombstones, ...removed.map((d) => d.id)])]
      sync.setState({ tombstones })
      storage.setItem(SYNC_KEY, JSON.stringify({ tombstones, replaced: sync.getState().replaced }))
      schedule('#deletions', () => void sync.getState().flush())
    }
  })
  return () => {
    unsubscribe()
    for (const t of timers.values()) clearTimer(t)
    timers.clear()
  }
}
