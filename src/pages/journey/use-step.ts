// What every journey page does first: find the draft from the URL (or the draft that replaced it), load its
// template, restore the session, record where the citizen is, and send them to the furthest step allowed when
// they came too early. After a restart, the data of e-licences agreed to for this draft is fetched again before later steps are judged.
import { useDidShow, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import type { JourneyStepId, LicenceKind } from '@/domain'
import { useCatalogue, useDrafts, useSession } from '@/stores/app'
import { useSync } from '@/stores/app-sync'
import { templateKey } from '@/stores/catalogue'
import type { JourneyPlace } from '@/stores/draft'
import { canVisit, furthestPlace, urlOf } from '@/stores/journey'
import { useJourney } from '@/stores/use-journey'
import { caseUrl } from '@/stores/routes'
import { back, go, home, nowIso, replace } from '../nav'
import { useShown } from '../use-shown'

const refetching = new Map<LicenceKind, Promise<boolean>>()

/** The data of e-licences agreed to earlier (kept in memory only), fetched again; one request per kind at a time. */
function refetchLicences(kinds: LicenceKind[], bundleId: string): Promise<unknown> {
  return Promise.all(
    kinds.map((kind) => {
      let p = refetching.get(kind)
      if (!p) {
        p = useSession.getState().consentLicence(kind, bundleId).finally(() => refetching.delete(kind))
        refetching.set(kind, p)
      }
      return p
    }),
  )
}

/**
 * What the session keeps in memory only and this draft needs (`missing`, '' when nothing), read again once
 * `now` (signed in, after a reload): true once that was tried, whatever came of it.
 */
function useReadAgain(missing: string, now: boolean, read: (missing: string) => Promise<unknown>): boolean {
  const [tried, setTried] = useState(false)
  useEffect(() => {
    if (!now || !missing) return
    void read(missing).finally(() => setTried(true))
  }, [now, missing]) // eslint-disable-line react-hooks/exhaustive-deps
  return tried
}

export function useStep(step: JourneyStepId) {
  const router = useRouter()
  const draftId = router.params.draft ? decodeURIComponent(router.params.draft) : undefined
  const [now] = useState(nowIso)
  const data = useJourney(draftId, now)
  const { draft, guidance } = data
  const loadTemplate = useCatalogue((s) => s.loadTemplate)
  const status = useCatalogue((s) => (draft ? s.templateStatus[templateKey(draft.content.bundleId, draft.content.templateVersion)] : undefined))
  const restore = useSession((s) => s.restore)
  const sessionStatus = useSession((s) => s.status)
  const hasProfile = useSession((s) => !!s.profile)
  const missingLicences = useSession((s) => (draft?.licences ?? []).filter((k) => !s.licenceData[k]).join(','))
  // records shared for this draft (a deceased's) are in memory only too
  const sharedHandle = draft?.content.sharedRecord
  const sharedMissing = useSession((s) => !!sharedHandle && !s.sharedRecords[sharedHandle])
  const readAgainNow = sessionStatus === 'signed-in' && hasProfile && !!draft
  const licencesTried = useReadAgain(missingLicences, readAgainNow, (kinds) => refetchLicences(kinds.split(',') as LicenceKind[], draft?.content.bundleId ?? ''))
  const sharedTried = useReadAgain(sharedMissing ? sharedHandle ?? '' : '', readAgainNow, (handle) => useSession.getState().loadSharedRecord(handle))

  const load = useCallback(() => {
    if (draft) void loadTemplate(draft.content.bundleId, draft.content.templateVersion)
  }, [draft?.content.bundleId, draft?.content.templateVersion, loadTemplate]) // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    void restore()
  }, [restore])
  // the citizen chose the platform's draft of this bundle over this one: open it at this step
  // (only the page shown: the pages below it would each replace the top one)
  const shown = useShown()
  const movedTo = useSync((s) => (draftId && !draft ? s.replaced[draftId] : undefined))
  const moved = useDrafts((s) => (movedTo ? s.drafts[movedTo] : undefined))
  useEffect(() => {
    if (!draft && moved && shown) replace(urlOf({ step }, moved))
  }, [!draft, moved?.id, shown]) // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (draft && !data.template) load()
  }, [draft, data.template, load])

  // came too early (a bookmarked later step): go to the furthest step allowed. Steps from the form on are
  // judged with what the platform holds (questions answered from the profile or an e-licence, prefilled
  // values), so only once the session is known (signed out: the form asks to sign in).
  const signedInKnown = sessionStatus === 'signed-in' && hasProfile && (!missingLicences || licencesTried) && (!sharedMissing || sharedTried)
  const sessionKnown = step === 'questions' || signedInKnown || (step === 'form' && sessionStatus === 'signed-out')
  const allowed = guidance ? canVisit(guidance, step) : true
  useEffect(() => {
    if (guidance && draft && sessionKnown && !allowed) replace(urlOf(furthestPlace(guidance), draft))
  }, [allowed, sessionKnown]) // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (draft && allowed && step !== 'questions' && draft.status === 'open') useDrafts.getState().setPlace(draft.id, { step })
  }, [draft?.id, allowed, step]) // eslint-disable-line react-hooks/exhaustive-deps

  // a page of a submitted draft (the browser's back, an old link, a restart) leads to its case: nothing here
  // can change what was submitted. Checked when the page opens or shows again, never from a page below.
  const toCase = () => {
    const d = draftId ? useDrafts.getState().drafts[draftId] : undefined
    if (d?.status === 'submitted') {
      if (d.caseId) replace(caseUrl(d.caseId))
      else home()
    }
  }
  useEffect(toCase, []) // eslint-disable-line react-hooks/exhaustive-deps
  useDidShow(toCase)

  const goTo = useCallback(
    (place: JourneyPlace) => {
      if (draft) go(urlOf(place, draft))
    },
    [draft],
  )
  const backTo = useCallback(
    (place: JourneyPlace) => {
      if (draft) back(urlOf(place, draft))
    },
    [draft],
  )

  return { ...data, draftId, now, router, allowed, templateError: status?.status === 'error' ? status.error : undefined, retry: load, goTo, backTo }
}
