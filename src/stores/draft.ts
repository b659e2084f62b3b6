// The local draft store: what the citizen has given for each bundle, saved on the device at every change
// (zustand persist over the storage adapter). The platform copy (issue 6) and a pending submission hang off
// the same record, so a later sync and an exactly-once submit need no new shape.
// What the device holds is parsed by a reader (draft-read.ts, valibot) that may load late (H5: draft-reader.ts):
// until it has, the store is not `ready`, nothing is written (the saved drafts cannot be overwritten), and the
// drafts read join what is in memory without replacing it.
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type {
  ActingFor,
  AnswerValue,
  ApplicantKind,
  DeliveryChoice,
  DraftContent,
  JourneyStepId,
  LicenceKind,
  MaterialChoice,
  PartyConfirmation,
  RegionCode,
} from '@/domain'
import type { UploadFileType } from '@/services/contract'
import type { KeyValueStorage } from '@/services/storage'
import { jsonStorage } from './persist'

export const DRAFTS_KEY = 'yjs.drafts.v1'

/** Where the citizen was: a journey step, and on the questions step, which question. */
export interface JourneyPlace {
  step: 'guide' | JourneyStepId
  questionId?: string
  /** when the citizen got there (ISO): the newest place of any device is where they left off */
  at?: string
}

export interface DraftFile {
  materialId: string
  name: string
  size: number
  type: UploadFileType
  uploadedAt: string
}

/** A submission under way (issue 6): the key is made once per attempt and kept until the platform confirms. */
export interface PendingSubmission {
  idempotencyKey: string
  startedAt: string
  templateVersion: number
}

export interface LocalDraft {
  id: string
  content: DraftContent
  place: JourneyPlace
  acting: ActingFor
  /** names and sizes of uploaded files, by fileId (the content keeps only ids) */
  files: Record<string, DraftFile>
  createdAt: string
  /** when the citizen last changed the content, on this device or another (not a move between pages) */
  updatedAt: string
  status: 'open' | 'submitted'
  /** the platform's copy as this device last saw it */
  remote?: RemoteCopy
  /** the signed-in person whose platform account holds this draft (set at the first sync): never synced to another */
  ownerId?: string
  pending?: PendingSubmission
  caseId?: string
  /**
   * e-licences the citizen agreed to use for this draft. Their data lives in memory only (it carries ID
   * numbers); the journey fetches it again after a restart under the same agreement.
   */
  licences?: LicenceKind[]
}

/** The platform's copy of a draft as this device last saw it: what a later change is merged on. */
export interface RemoteCopy {
  version: number
  syncedAt: string
  /** the content of that version (the base of a three-way merge); absent in drafts saved by older versions */
  base?: DraftContent
  /** the time of the place the platform holds */
  placeAt?: string
  /** co-applicants' confirmations of the content as the platform holds it (several parties) */
  confirmations?: PartyConfirmation[]
}

export interface StartDraftInput {
  bundleId: string
  templateVersion: number
  region: RegionCode
  applicantKind: ApplicantKind
  /** 统一社会信用代码 of the firm the person acts for (firm bundles only) */
  firm?: string
  acting?: ActingFor
  /** the signed-in person: a draft of someone else who used this device is not resumed */
  userId?: string
}

export interface DraftState {
  drafts: Record<string, LocalDraft>
  /** the drafts saved on the device have been read (pages show drafts only from then on: Frame waits) */
  ready: boolean
  /** the last write to the device's storage failed (full): the draft is only in memory */
  saveFailed: boolean
  /** resumes the open draft for this bundle and applicant kind, else creates one; returns its id */
  start(input: StartDraftInput): string
  setAnswer(id: string, questionId: string, value: AnswerValue): void
  clearAnswer(id: string, questionId: string): void
  setValue(id: string, fieldId: string, value: string): void
  /** repeatable groups: a new empty item (returns its key), one removed with its materials, a value typed */
  addItem(id: string, groupId: string): string
  removeItem(id: string, groupId: string, key: string): void
  setItemValue(id: string, groupId: string, key: string, fieldId: string, value: string): void
  setMaterial(id: string, materialId: string, choice: MaterialChoice): void
  addFile(id: string, materialId: string, fileId: string, file: Omit<DraftFile, 'materialId'>): void
  removeFile(id: string, materialId: string, fileId: string): void
  setDelivery(id: string, delivery: DeliveryChoice): void
  setHandling(id: string, handling: 'online' | 'offline'): void
  /** the records the platform shared for this draft (a deceased's): its handle, or none to stop using them */
  setSharedRecord(id: string, handle: string | undefined): void
  setPlace(id: string, place: JourneyPlace): void
  /** records an e-licence the citizen agreed to use for this draft (not a change of content: no sync) */
  addLicence(id: string, kind: LicenceKind): void
  /** replaces the content wholesale (template migration, a newer copy from the platform) */
  replaceContent(id: string, content: DraftContent): void
  setRemote(id: string, remote: LocalDraft['remote']): void
  setPending(id: string, pending: PendingSubmission | undefined): void
  markSubmitted(id: string, caseId: string): void
  remove(id: string): void
  reset(): void
}

export const SELF: ActingFor = { actor: 'self', promiseAuthorised: true }

/**
 * Shown to (and resumed for) this person: a draft never synced, or theirs. Another person's synced drafts on a
 * shared device are hidden while that other person is signed in; signed out, the device shows what it holds.
 */
export function visibleTo(d: Pick<LocalDraft, 'ownerId'>, userId: string | undefined): boolean {
  return !d.ownerId || !userId || d.ownerId === userId
}

/** the drafts record as stored (any version) → drafts that can be used (draft-read.ts) */
export type DraftReader = (raw: unknown) => Record<string, LocalDraft>

export interface DraftStoreDeps {
  storage: KeyValueStorage
  /** reads the saved drafts at once (WeChat, tests) … */
  read?: DraftReader
  /** … or loads the reader first, only when drafts are saved (H5: the parse stays out of the first load) */
  loadReader?: () => Promise<DraftReader>
  now?: () => string
  newId?: () => string
  newItemKey?: () => string
}

export function createDraftStore(deps: DraftStoreDeps) {
  const now = deps.now ?? (() => new Date().toISOString())
  let counter = 0
  const newId = deps.newId ?? (() => `d-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`)
  const newItemKey = deps.newItemKey ?? (() => `k${(counter++).toString(36)}${Math.random().toString(36).slice(2, 7)}`)

  let read = deps.read
  const saved = () => {
    const raw = deps.storage.getItem(DRAFTS_KEY)
    return raw !== null && raw !== undefined && raw !== ''
  }
  // a late reader with drafts saved: not ready, and no write, until they are read
  let ready = !!read || !saved()
  /** a write was held back before the drafts were read: write when they are */
  let unwritten = false
  const readSaved = (raw: unknown) => (read ? read(raw) : {})
  let ref: { getState(): DraftState; setState(p: Partial<DraftState>): void } | undefined
  const store = create<DraftState>()(
    persist(
      (set, get) => {
        /** applies a change to one open draft and stamps it */
        const edit = (id: string, change: (d: LocalDraft) => Partial<LocalDraft>) =>
          set((s) => {
            const d = s.drafts[id]
            if (!d || d.status !== 'open') return s
            return { drafts: { ...s.drafts, [id]: { ...d, ...change(d), updatedAt: now() } } }
          })
        const editContent = (id: string, change: (c: DraftContent) => Partial<DraftContent>) => edit(id, (d) => ({ content: { ...d.content, ...change(d.content) } }))

        return {
          drafts: {},
          ready,
          saveFailed: false,
          start(input) {
            const acting = input.acting ?? SELF
            const existing = Object.values(get().drafts)
              .filter((d) => d.status === 'open' && d.content.bundleId === input.bundleId && d.content.applicantKind === input.applicantKind && d.content.firm === input.firm && d.acting.actor === acting.actor && d.acting.authorisationId === acting.authorisationId && visibleTo(d, input.userId))
              .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]
            if (existing) return existing.id
            const id = newId()
            const at = now()
            const draft: LocalDraft = {
              id,
              content: {
                bundleId: input.bundleId,
                templateVersion: input.templateVersion,
                region: input.region,
                applicantKind: input.applicantKind,
                ...(input.firm ? { firm: input.firm } : {}),
                answers: {},
                values: {},
                materials: {},
              },
              place: { step: 'questions', at },
              acting,
              files: {},
              createdAt: at,
              updatedAt: at,
              status: 'open',
            }
            set((s) => ({ drafts: { ...s.drafts, [id]: draft } }))
            return id
          },
          setAnswer: (id, q, value) => editContent(id, (c) => ({ answers: { ...c.answers, [q]: value } })),
          clearAnswer: (id, q) =>
            editContent(id, (c) => {
              const answers = { ...c.answers }
              delete answers[q]
              return { answers }
            }),
          setValue: (id, f, value) => editContent(id, (c) => ({ values: { ...c.values, [f]: value } })),
          addItem(id, groupId) {
            const key = newItemKey()
            editContent(id, (c) => ({ items: { ...c.items, [groupId]: [...(c.items?.[groupId] ?? []), { key, values: {} }] } }))
            return key
          },
          removeItem: (id, groupId, key) =>
            edit(id, (d) => {
              const c = d.content
              // the item's own materials and files go with it
              const materials = Object.fromEntries(Object.entries(c.materials).filter(([m]) => !m.endsWith(`~${key}`)))
              const files = Object.fromEntries(Object.entries(d.files).filter(([, f]) => !f.materialId.endsWith(`~${key}`)))
              return { content: { ...c, materials, items: { ...c.items, [groupId]: (c.items?.[groupId] ?? []).filter((x) => x.key !== key) } }, files }
            }),
          setItemValue: (id, groupId, key, f, value) =>
            editContent(id, (c) => ({ items: { ...c.items, [groupId]: (c.items?.[groupId] ?? []).map((x) => (x.key === key ? { ...x, values: { ...x.values, [f]: value } } : x)) } })),
          setMaterial: (id, m, choice) => editContent(id, (c) => ({ materials: { ...c.materials, [m]: choice } })),
          addFile: (id, m, fileId, file) =>
            edit(id, (d) => {
              const before = d.content.materials[m]
              const ids = before?.mode === 'upload' ? before.fileIds : []
              return {
                content: { ...d.content, materials: { ...d.content.materials, [m]: { mode: 'upload', fileIds: ids.includes(fileId) ? ids : [...ids, fileId] } } },
                files: { ...d.files, [fileId]: { ...file, materialId: m } },
              }
            }),
          removeFile: (id, m, fileId) =>
            edit(id, (d) => {
              const before = d.content.materials[m]
              const files = { ...d.files }
              delete files[fileId]
              if (before?.mode !== 'upload') return { files }
              return { content: { ...d.content, materials: { ...d.content.materials, [m]: { mode: 'upload', fileIds: before.fileIds.filter((f) => f !== fileId) } } }, files }
            }),
          setDelivery: (id, delivery) => editContent(id, () => ({ delivery })),
          setHandling: (id, handling) => editContent(id, () => ({ handling })),
          setSharedRecord: (id, handle) => editContent(id, () => ({ sharedRecord: handle })),
          setPlace: (id, place) =>
            set((s) => {
              const d = s.drafts[id]
              if (!d || d.status !== 'open' || (d.place.step === place.step && d.place.questionId === place.questionId)) return s
              // a move is not an edit: only the place and its time change
              return { drafts: { ...s.drafts, [id]: { ...d, place: { step: place.step, ...(place.questionId ? { questionId: place.questionId } : {}), at: now() } } } }
            }),
          addLicence: (id, kind) =>
            set((s) => {
              const d = s.drafts[id]
              if (!d || d.licences?.includes(kind)) return s
              return { drafts: { ...s.drafts, [id]: { ...d, licences: [...(d.licences ?? []), kind] } } }
            }),
          replaceContent: (id, content) => edit(id, () => ({ content })),
          setRemote: (id, remote) =>
            set((s) => (s.drafts[id] ? { drafts: { ...s.drafts, [id]: { ...s.drafts[id], remote } } } : s)),
          setPending: (id, pending) =>
            set((s) => (s.drafts[id] ? { drafts: { ...s.drafts, [id]: { ...s.drafts[id], pending } } } : s)),
          markSubmitted: (id, caseId) =>
            set((s) => (s.drafts[id] ? { drafts: { ...s.drafts, [id]: { ...s.drafts[id], status: 'submitted', caseId, pending: undefined, updatedAt: now() } } } : s)),
          remove: (id) =>
            set((s) => {
              const drafts = { ...s.drafts }
              delete drafts[id]
              return { drafts }
            }),
          reset: () => set({ drafts: {}, saveFailed: false }),
        }
      },
      {
        name: DRAFTS_KEY,
        // 1: format-1 drafts; 2: every draft read through the domain's DraftContent schema
        version: 2,
        migrate: (persisted) => ({ drafts: readSaved((persisted as { drafts?: unknown } | undefined)?.drafts) }) as unknown as DraftState,
        // every load, whatever its version: what the device holds is parsed, never trusted; a draft already in
        // memory (made while the reader loaded) stays as it is
        merge: (persisted, current) => ({ ...current, drafts: { ...readSaved((persisted as { drafts?: unknown } | undefined)?.drafts), ...current.drafts } }),
        storage: jsonStorage(
          deps.storage,
          (ok) => {
            // only a change of state: a failing write does not set off another one
            if (ref && ref.getState().saveFailed === ok) ref.setState({ saveFailed: !ok })
          },
          () => {
            if (!ready) unwritten = true
            return ready
          },
        ),
        // a late reader hydrates once it has loaded (below)
        skipHydration: !read,
        partialize: (s) => ({ drafts: s.drafts }) as unknown as DraftState,
      },
    ),
  )
  ref = store
  if (!read && !ready && deps.loadReader)
    deps.loadReader().then(
      (reader) => {
        read = reader
        return store.persist.rehydrate().then(() => {
          // what changed in memory meanwhile is written now, with the drafts read; else nothing is written
          if (unwritten) ready = true
          store.setState({ ready: true })
          ready = true
        })
      },
      () => {
        // the reader could not be fetched: the saved drafts stay untouched on the device (never overwritten by
        // what is in memory), and the screen says drafts are not being saved
        store.setState({ ready: true, saveFailed: true })
      },
    )
  return store
}

export type DraftStore = ReturnType<typeof createDraftStore>

/** resolves once the saved drafts have been read (at once where they are read synchronously) */
export function draftsReady(store: DraftStore): Promise<void> {
  if (store.getState().ready) return Promise.resolve()
  return new Promise((resolve) => {
    const stop = store.subscribe((s) => {
      if (!s.ready) return
      stop()
      resolve()
    })
  })
}

// ---------- selectors (small: a page subscribes to what it shows) ----------

export const selectDraft = (id: string | undefined) => (s: DraftState) => (id ? s.drafts[id] : undefined)

export const selectOpenDrafts = (s: DraftState): LocalDraft[] =>
  Object.values(s.drafts)
    .filter((d) => d.status === 'open')
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))

/** the open drafts this person sees (see visibleTo), newest first */
export const selectOpenDraftsOf = (userId: string | undefined) => (s: DraftState): LocalDraft[] => selectOpenDrafts(s).filter((d) => visibleTo(d, userId))

export const selectSaveFailed = (s: DraftState) => s.saveFailed
