// H5: draft sync (its store and the three-way merge) loads once a citizen is signed in, or at start when the
// device holds a draft that was synced (deleting it must be remembered for the platform). Otherwise it has
// nothing to do (it pulls and pushes a signed-in citizen's drafts; what changed meanwhile is found dirty and
// pushed at the catch-up on sign-in), so a visitor's first load goes without it. sync-start.weapp.ts: WeChat
// has it in the package and starts it at once.
import { create } from 'zustand'
import { afterFirstPaint } from '@/services/first-paint'
import { useDrafts, useSession } from './app'
import { draftsReady } from './draft'
import type { SessionState } from './session'

type SyncModule = typeof import('./app-sync')

/** the sync module once loaded and started (DraftSyncNotices shows its questions from then on) */
export const useSyncModule = create<{ sync?: SyncModule }>(() => ({}))

let loading: Promise<void> | undefined

const wanted = (s: SessionState) => s.status === 'signed-in' && !s.acting

function load(): Promise<void> {
  // never before the saved drafts are read: a pull merged into drafts not read yet would lose their edits; nor
  // before the opening page has painted (H5: the draft a journey page shows is the device's copy meanwhile)
  if (!loading)
    loading = Promise.all([afterFirstPaint().then(() => import('./app-sync')), draftsReady(useDrafts)]).then(
      ([sync]) => {
        sync.startDraftSync()
        useSyncModule.setState({ sync })
      },
      () => {
        // the chunk could not be fetched: the next sign-in or return to the foreground tries again
        loading = undefined
      },
    )
  return loading
}

/**
 * Starts draft sync when a citizen is (or becomes) signed in, not acting for someone, or now if a draft here has
 * a platform copy (a synced draft can only appear through sync, so looking once is enough).
 */
export function startDraftSyncWhenSignedIn(): void {
  if (wanted(useSession.getState())) void load()
  else void draftsReady(useDrafts).then(() => {
    if (Object.values(useDrafts.getState().drafts).some((d) => d.remote)) void load()
  })
  // not in the sign-in's own update (its render of every page that reads the session)
  useSession.subscribe((s) => {
    if (wanted(s) && !loading) setTimeout(load)
  })
}

/** The app goes to the background: what changed is pushed now (nothing to push before sync has started). */
export function flushDrafts(): void {
  void useSyncModule.getState().sync?.useSync.getState().flush()
}

/** Back in the foreground: drafts are caught up. */
export function catchUpDraftsNow(): void {
  const sync = useSyncModule.getState().sync
  if (sync) void sync.catchUpDrafts()
  else if (wanted(useSession.getState())) void load()
}
