// Singletons for submission, cases, draft sync and template upgrades, built on the app's stores
// (src/stores/app.ts). Loaded by the journey subpackage only. `startDraftSync` is idempotent: every journey
// page may call it.
import { platform, storage } from '@/services/app'
import { useCatalogue, useDrafts, useSession } from './app'
import { useCases } from './app-cases'
import { guidanceContext } from './journey'
import { prefillData } from './session'
import { createPartiesStore } from './parties'
import { createSubmissionStore } from './submission'
import { createSyncStore, watchDrafts } from './sync'
import { createUpgradeCheck } from './upgrade'
import './template-parser' // the upgrade check reads templates

/** Is there a newer version of the draft's template, and what would moving to it mean? */
export const checkUpgrade = createUpgradeCheck({
  drafts: useDrafts,
  catalogue: useCatalogue,
  context: (draft) => {
    const s = useSession.getState()
    const cat = useCatalogue.getState()
    return { ctx: guidanceContext(draft, s, new Date().toISOString(), cat.regions, cat.licenceKinds), prefill: prefillData(s) }
  },
})
export { useCases }
export const useSubmission = createSubmissionStore({ client: platform, drafts: useDrafts, cases: useCases, checkUpgrade })
export const useSync = createSyncStore({ client: platform, drafts: useDrafts, storage, signedIn: () => useSession.getState().status === 'signed-in' })
export const useParties = createPartiesStore({ client: platform, sync: useSync })

let started = false

/** Starts background sync once: pushes changes as they happen, pulls when the citizen signs in. */
export function startDraftSync(): void {
  if (started) return
  started = true
  watchDrafts(useSync, useDrafts, storage)
  const catchUp = () => {
    void useSync
      .getState()
      .pull()
      .then(() => useSync.getState().flush())
  }
  if (useSession.getState().status === 'signed-in') catchUp()
  useSession.subscribe((s, prev) => {
    if (s.status === 'signed-in' && prev.status !== 'signed-in') catchUp()
  })
}
