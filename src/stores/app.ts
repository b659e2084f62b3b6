// The app's store singletons, built on the service singletons. Tests build their own with the factories.
// Stores only some pages need have their own modules (app-cases, app-submit, app-uploads, app-staff, app-grants),
// out of the first load.
import { platform, storage, tokens } from '@/services/app'
import { createCatalogueStore } from './catalogue'
import { createDraftStore } from './draft'
import { createMessageStore } from './messages'
import { createPreferencesStore } from './preferences'
import { createPrivacyStore } from './privacy'
import { createSessionStore } from './session'
import { createSyncStore, watchDrafts } from './sync'

export const usePreferences = createPreferencesStore(storage)
export const useSession = createSessionStore({ client: platform, tokens, storage })
export const useCatalogue = createCatalogueStore(platform)
export const useDrafts = createDraftStore({ storage })
export const usePrivacy = createPrivacyStore()
export const useMessages = createMessageStore(platform)
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
 * Starts draft sync once, for the whole app (src/app.ts): a change is pushed after a short quiet, and the
 * drafts are caught up whenever the citizen becomes signed in (sign-in, or saved tokens checked at start).
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
