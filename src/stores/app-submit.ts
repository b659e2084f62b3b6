// Singletons for submission, cases and template upgrades, built on the app's stores (src/stores/app.ts).
// Loaded by the journey subpackage only. Draft sync runs for the whole app (src/stores/app.ts).
import { platform } from '@/services/app'
import { useCatalogue, useDrafts, useSession } from './app'
import { useCases } from './app-cases'
import { guidanceContext } from './journey'
import { heldLicenceKinds, prefillData } from './session'
import { createSubmissionStore } from './submission'
import { createUpgradeCheck } from './upgrade'

/** Is there a newer version of the draft's template, and what would moving to it mean? */
export const checkUpgrade = createUpgradeCheck({
  drafts: useDrafts,
  catalogue: useCatalogue,
  context: (draft) => {
    const s = useSession.getState()
    return { ctx: guidanceContext(draft, heldLicenceKinds(s), new Date().toISOString()), prefill: prefillData(s) }
  },
})
export { useCases }
export const useSubmission = createSubmissionStore({ client: platform, drafts: useDrafts, cases: useCases, checkUpgrade })
