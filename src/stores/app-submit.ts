// Singletons for submission, cases, several parties and template upgrades, built on the app's stores (src/stores/app.ts).
// Loaded by the journey subpackage only. Draft sync runs for the whole app (src/stores/app-sync.ts).
import { platform } from '@/services/app-client'
import { useCatalogue, useDrafts, useSession } from './app'
import { useSync } from './app-sync'
import { useCases } from './app-cases'
import { guidanceContext } from './journey'
import { prefillData } from './session'
import { createPartiesStore } from './parties'
import { createSubmissionStore } from './submission'
import { createUpgradeCheck } from './upgrade'
import './template-parser' // the upgrade check reads templates

/** Is there a newer version of the draft's template, and what would moving to it mean? */
export const checkUpgrade = createUpgradeCheck({
  drafts: useDrafts,
  catalogue: useCatalogue,
  context: (draft) => {
    const s = useSession.getState()
    const cat = useCatalogue.getState()
    return { ctx: guidanceContext(draft, s, new Date().toISOString(), cat.regions, cat.licenceKinds), prefill: prefillData({ ...s, shared: draft.content.sharedRecord ? s.sharedRecords[draft.content.sharedRecord] : undefined }, draft.content.firm) }
  },
})
export { useCases }
export const useSubmission = createSubmissionStore({ client: platform, drafts: useDrafts, cases: useCases, checkUpgrade })
export const useParties = createPartiesStore({ client: platform, sync: useSync })
