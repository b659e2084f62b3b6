// The draft, its template and the engine's guidance, for the journey pages (kept out of the home page's
// bundle: the engine is only loaded with the journey subpackage).
import { useEffect, useMemo } from 'react'
import type { BundleTemplate, Guidance } from '@/domain'
import { guide } from '@/domain/engine'
import { useCatalogue, useDrafts, useSession } from './app'
import { templateKey } from './catalogue'
import type { LocalDraft } from './draft'
import { guidanceContext } from './journey'
import { prefillData } from './session'
import './template-parser' // templates are parsed before the journey reads them

export interface JourneyData
 {
  draft?: LocalDraft
  template?: BundleTemplate
  guidance?: Guidance
}

/** The draft, its template and the engine's guidance for it, recomputed when any input changes. */
export function useJourney(draftId: string | undefined, now: string): JourneyData {
  const draft = useDrafts((s) => (draftId ? s.drafts[draftId] : undefined))
  const template = useCatalogue((s) => (draft ? s.templates[templateKey(draft.content.bundleId, draft.content.templateVersion)] : undefined))
  const licences = useSession((s) => s.licences)
  const profile = useSession((s) => s.profile)
  const licenceData = useSession((s) => s.licenceData)
  const firms = useSession((s) => s.firms)
  const shared = useSession((s) => (draft?.content.sharedRecord ? s.sharedRecords[draft.content.sharedRecord] : undefined))
  const regions = useCatalogue((s) => s.regions)
  const licenceKinds = useCatalogue((s) => s.licenceKinds)
  const loadLicenceKinds = useCatalogue((s) => s.loadLicenceKinds)
  const loadRegions = useCatalogue((s) => s.loadRegions)
  // names of e-licences, the region's name and its service halls: the platform judges by them too
  useEffect(() => {
    void loadLicenceKinds()
    void loadRegions()
  }, [loadLicenceKinds, loadRegions])
  const guidance = useMemo(() => {
    if (!draft || !template) return undefined
    const ctx = guidanceContext(draft, { licences, licenceData, profile }, now, regions, licenceKinds)
    return guide(template, draft.content, ctx, prefillData({ profile, licenceData, firms, shared }, draft.content.firm))
  }, [draft, template, licences, profile, licenceData, firms, shared, now, regions, licenceKinds])
  return { draft, template, guidance }
}
