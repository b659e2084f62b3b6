// Drafts that follow the citizen (无感切换): every local change is pushed to the platform's drafts in the
// background with the version it was based on, so one device never overwrites a newer draft from another;
// a conflict waits for the citizen to choose. Drafts begun elsewhere are pulled in; a deletion is carried to
// the platform (kept as a tombstone until it lands, so a pull does not bring the draft back).
import { create } from 'zustand'
import type { DraftRecord } from '@/services/contract'
import { isPlatformError, type PlatformClient } from '@/services/platform'
import type { KeyValueStorage } from '@/services/storage'
import { SELF, type DraftFile, type DraftStore, type LocalDraft } from './draft'

export const SYNC_KEY = 'yjs.sync.v1'

export type SyncClient = Pick<PlatformClient, 'putDraft' | 'listDrafts' | 'deleteDraft' | 'getUpload' | 'getDraft'>

export type DraftSyncStatus = 'synced' | 'syncing' | 'waiting' | 'conflict' | 'error'

export interface SyncState {
  status: Record<string, DraftSyncStatus>
  /** the platform's newer copy, for the citizen to choose */
  conflicts: Record<string, DraftRecord>
  /** deleted here, still to delete on the platform */
  tombstones: string[]
  lastError?: string
  /** pushes one draft if it changed since the last sync */
  push(id: string): Promise<void>
  /** brings in drafts from other devices, newer copies and submissions made elsewhere */
  pull(): Promise<void>
  /** deletes queued deletions and pushes every changed draft */
  flush(): Promise<void>
  /** conflict: this device's copy replaces the platform's */
  keepMine(id: string): Promise<void>
  /** conflict: the platform's copy replaces this device's */
  takeTheirs(id: string): void
  /** asks the platform who has confirmed this draft (several parties); false when it could not say */
  refreshConfirmations(id: string): Promise<boolean>
  forget(id: string): void
}

export interface SyncDeps {
  client: SyncClient
  drafts: DraftStore
  storage: KeyValueStorage
  /** syncing needs a signed-in citizen; drafts stay local until then */
  signedIn: () => boolean
  now?: () => string
}

/** The platform's copy as the device keeps it: version, when, and who confirmed that content. */
function remoteOf(rec: DraftRecord, syncedAt: string): NonNullable<LocalDraft['remote']> {
  return rec.confirmations?.length ? { version: rec.version, syncedAt, confirmations: rec.confirmations } : { version: rec.version, syncedAt }
}

/** A draft changed here since the platform last saw it. */
export function isDirty(d: LocalDraft): boolean {
  return d.status === 'open' && (!d.remote || d.updatedAt > d.remote.syncedAt)
}

function readTombstones(storage: KeyValueStorage): string[] {
  try {
    const v = JSON.parse(storage.getItem(SYNC_KEY) ?? 'null') as { tombstones?: unknown } | null
    return Array.isArray(v?.tombstones) ? v.tombstones.filter((t): t is string => typeof t === 'string') : []
  } catch {
    return []
  }
}

export function createSyncStore(deps: SyncDeps) {
  const now = deps.now ?? (() => new Date().toISOString())
  const running = new Map<string, Promise<void>>()
  const again = new Set<string>()

  return create<SyncState>()((set, get) => {
    const setStatus = (id: string, st: DraftSyncStatus) => set((s) => ({ status: { ...s.status, [id]: st } }))
    const saveTombstones = (tombstones: string[]) => {
      set({ tombstones })
      deps.storage.setItem(SYNC_KEY, JSON.stringify({ tombstones }))
    }
    const draftsApi = () => deps.drafts.getState()

    /** adopts the platform's copy as this device's, marking it in sync */
    const adopt = (rec: DraftRecord) => {
      const at = now()
      deps.drafts.setState((s) => {
        const before = s.drafts[rec.id]
        const d: LocalDraft = before
          ? { ...before, content: rec.content, updatedAt: at, remote: remoteOf(rec, at) }
          : {
              id: rec.id,
              content: rec.content,
              // the step pages send a draft opened too early to the furthest step it may be on
              place: { step: 'review' },
              acting: SELF,
              files: {},
              createdAt: rec.createdAt,
              updatedAt: at,
              status: 'open',
              remote: remoteOf(rec, at),
            }
        return { drafts: { ...s.drafts, [rec.id]: d } }
      })
      void fillFileNames(rec.id)
    }

    /** names of uploaded files the device has not seen (a draft from another device) */
    async function fillFileNames(id: string) {
      const d = draftsApi().drafts[id]
      if (!d) return
      const missing = Object.entries(d.content.materials).flatMap(([materialId, c]) => (c.mode === 'upload' ? c.fileIds.filter((f) => !d.files[f]).map((f) => ({ f, materialId })) : []))
      const found: Record<string, DraftFile> = {}
      for (const { f, materialId } of missing) {
        try {
          const u = await deps.client.getUpload(f)
          found[f] = { materialId, name: u.name, size: u.size, type: u.type, uploadedAt: u.uploadedAt }
        } catch {
          // shown without its name; submitting still works
        }
      }
      if (Object.keys(found).length) deps.drafts.setState((s) => (s.drafts[id] ? { drafts: { ...s.drafts, [id]: { ...s.drafts[id], files: { ...s.drafts[id].files, ...found } } } } : s))
    }

    async function pushOnce(id: string): Promise<void> {
      const d = draftsApi().drafts[id]
      if (!d || !isDirty(d) || !deps.signedIn() || get().conflicts[id]) return
      setStatus(id, 'syncing')
      const sentAt = now()
      try {
        const rec = await deps.client.putDraft(id, d.content, d.remote?.version ?? 0)
        // changes made while the request was out stay dirty (updatedAt > sentAt)
        draftsApi().setRemote(id, remoteOf(rec, sentAt))
        setStatus(id, 'synced')
        set({ lastError: undefined })
      } catch (e) {
        if (isPlatformError(e) && e.kind === 'conflict' && e.current) {
          if (e.current.status === 'submitted' && e.current.caseId) {
            draftsApi().markSubmitted(id, e.current.caseId)
            setStatus(id, 'synced')
            return
          }
          set((s) => ({ conflicts: { ...s.conflicts, [id]: e.current as DraftRecord } }))
          setStatus(id, 'conflict')
          return
        }
        if (isPlatformError(e) && e.kind === 'not-found' && d.remote) {
          // deleted on another device: keep this copy, and create it again
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
      tombstones: readTombstones(deps.storage),
      push(id) {
        const r = running.get(id)
        if (r) {
          again.add(id)
          return r
        }
        const p = (async () => {
          do {
            again.delete(id)
            await pushOnce(id)
          } while (again.has(id))
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
        for (const rec of records) {
          if (dead.has(rec.id)) continue
          const local = draftsApi().drafts[rec.id]
          if (rec.status === 'submitted') {
            if (local && local.status === 'open' && rec.caseId) draftsApi().markSubmitted(rec.id, rec.caseId)
            continue
          }
          if (!local) adopt(rec)
          else if (local.remote && rec.version === local.remote.version) draftsApi().setRemote(rec.id, remoteOf(rec, local.remote.syncedAt))
          else if (local.status === 'open' && rec.version > (local.remote?.version ?? 0)) {
            if (isDirty(local)) {
              set((s) => ({ conflicts: { ...s.conflicts, [rec.id]: rec } }))
              setStatus(rec.id, 'conflict')
            } else adopt(rec)
          }
        }
      },
      async flush() {
        if (!deps.signedIn()) return
        for (const id of get().tombstones) {
          try {
            await deps.client.deleteDraft(id)
            saveTombstones(get().tombstones.filter((t) => t !== id))
          } catch (e) {
            if (isPlatformError(e) && e.kind === 'not-found') saveTombstones(get().tombstones.filter((t) => t !== id))
          }
        }
        for (const d of Object.values(draftsApi().drafts)) if (isDirty(d)) await get().push(d.id)
      },
      async keepMine(id) {
        const theirs = get().conflicts[id]
        const d = draftsApi().drafts[id]
        if (!theirs || !d) return
        // based on their version, so this write wins once, knowingly
        draftsApi().setRemote(id, { version: theirs.version, syncedAt: d.remote?.syncedAt ?? '' })
        get().forget(id)
        await get().push(id)
      },
      takeTheirs(id) {
        const theirs = get().conflicts[id]
        if (!theirs) return
        adopt(theirs)
        get().forget(id)
        setStatus(id, 'synced')
      },
      async refreshConfirmations(id) {
        const d = draftsApi().drafts[id]
        if (!d?.remote || !deps.signedIn()) return false
        try {
          const rec = await deps.client.getDraft(id)
          // only the metadata of the copy the device holds: a newer content comes through pull
          if (rec.version === d.remote.version) draftsApi().setRemote(id, remoteOf(rec, d.remote.syncedAt))
          return true
        } catch {
          return false
        }
      },
      forget(id) {
        set((s) => {
          const conflicts = { ...s.conflicts }
          delete conflicts[id]
          return { conflicts }
        })
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
      if (prev.drafts[d.id]?.updatedAt !== d.updatedAt && isDirty(d)) schedule(d.id, () => void sync.getState().push(d.id))
    }
    const removed = Object.values(prev.drafts).filter((d) => !next.drafts[d.id] && d.remote)
    if (removed.length) {
      const tombstones = [...new Set([...sync.getState().tombstones, ...removed.map((d) => d.id)])]
      sync.setState({ tombstones })
      storage.setItem(SYNC_KEY, JSON.stringify({ tombstones }))
      schedule('#deletions', () => void sync.getState().flush())
    }
  })
  return () => {
    unsubscribe()
    for (const t of timers.values()) clearTimer(t)
    timers.clear()
  }
}
