// Draft sync's store singleton and its start, built on the app's stores (src/stores/app.ts). The app starts it
// through sync-start.ts (on H5 once a citizen is signed in); journey pages and the sync panel import it directly.
import { storage } from '@/services/app'
import { platform } from '@/services/app-client'
import { useDrafts, useSession } from './app'
import { createSyncStore, watchDrafts } from './sync'

export const useSync = createSyncStore({
  client: platform,
  drafts: useDrafts,
  storage,
  // a window acting for a citizen keeps the draft on its own device: drafts are the citizen's to sync
  signedIn: () => useSession.getState().status === 'signed-in' && !useSession.getState().acting,
  userId: () => useSession.getState().profile?.userId,
})

let started = false

/** Pulls drafts from the platform, then pushes what changed here: on sign-in, at start and back in the foreground. */
export function catchUpDrafts(): Promise<void> {
  return useSync
    .getState()
    .pull()
    .then(() => useSync.getState().flush())
}

/**
 * Starts draft sync once, for the whole app: a change is pushed after a short quiet, and the drafts are caught
 * up whenever the citizen becomes signed in (sign-in, or saved tokens checked at start).
 */
export function startDraftSync(): void {
  if (started) return
  started = true
  watchDrafts(useSync, useDrafts, storage)
  if (useSession.getState().status === 'signed-in' && !useSession.getState().acting) void catchUpDrafts()
  useSession.subscribe((s, prev) => {
    if (s.status === 'signed-in' && prev.status !== 'signed-in' && !s.acting) void catchUpDrafts()
  })
}
