// Home: find a bundle by search, kind, life event or zone, in the citizen's region; resume a draft.
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { ApplicantKind } from '@/domain'
import type { BundleQuery } from '@/services/contract'
import { HomeScreen } from '@/components/screens/HomeScreen'
import { savedText } from '@/domain/datetime'
import { useCatalogue, useDrafts, useMessages, usePreferences, useSession } from '@/stores/app'
import { cityRegions, queryKey, regionName } from '@/stores/catalogue'
import { selectOpenDraftsOf } from '@/stores/draft'
import { ROUTES, STEP_LABELS, urlOf } from '@/stores/routes'
import { DEFAULT_REGION } from '@/stores/preferences'
import { useShallow } from 'zustand/react/shallow'
import { Frame } from '../Frame'
import { go, nowIso } from '../nav'
import { HOME_DEFAULT_KIND, homeListQuery } from './home-query'

/** Loads a list unless the same list is already on its way (src/app.ts may have asked for it at start). */
function load(query: BundleQuery): void {
  const state = useCatalogue.getState()
  if (state.lists[queryKey(query)]?.status !== 'loading') void state.loadBundles(query)
}

export default function HomePage() {
  const prefs = usePreferences(useShallow((s) => ({ elderMode: s.elderMode, region: s.region, setElderMode: s.setElderMode, setRegion: s.setRegion })))
  const profile = useSession((s) => s.profile)
  // saved tokens are being checked: the greeting will come (src/app.ts starts this before the page renders on H5)
  const restoring = useSession((s) => s.status === 'restoring')
  const restore = useSession((s) => s.restore)
  const { lists, regions, loadRegions } = useCatalogue(useShallow((s) => ({ lists: s.lists, regions: s.regions, loadRegions: s.loadRegions })))
  const drafts = useDrafts(useShallow(selectOpenDraftsOf(profile?.userId)))
  const signedIn = useSession((s) => s.status === 'signed-in')
  const unread = useMessages((s) => s.unread)
  const [kind, setKind] = useState<ApplicantKind>(HOME_DEFAULT_KIND)
  const [query, setQuery] = useState<string>()
  const [regionsWanted, setRegionsWanted] = useState(false)

  // region: the citizen's choice, else the profile's city, else 长沙市
  const profileCity = profile?.region ? `${profile.region.slice(0, 4)}00` : undefined
  const region = prefs.region ?? (profileCity ? { code: profileCity, name: regionName(regions, profileCity) ?? DEFAULT_REGION.name } : DEFAULT_REGION)

  useEffect(() => {
    void restore()
  }, [restore])
  // the unread count of 消息, once the citizen is known
  useEffect(() => {
    if (signedIn) void useMessages.getState().load()
  }, [signedIn])
  // the region list (5 KB) only when it is shown or names the profile's city: not on every first paint
  const needRegions = regionsWanted || (!prefs.region && !!profileCity)
  useEffect(() => {
    if (needRegions) void loadRegions()
  }, [needRegions, loadRegions])
  const listQuery = useMemo(() => homeListQuery(kind, region.code), [kind, region.code])
  useEffect(() => load(listQuery), [listQuery])
  const searchQuery = useMemo(() => (query ? { q: query, region: region.code } : undefined), [query, region.code])
  useEffect(() => {
    if (searchQuery) load(searchQuery)
  }, [searchQuery])

  const list = lists[queryKey(listQuery)]
  const found = searchQuery ? lists[queryKey(searchQuery)] : undefined
  const names = useMemo(() => new Map(Object.values(lists).flatMap((l) => l.bundles.map((b) => [b.id, b.name] as const))), [lists])
  const regionOptions = useMemo(() => cityRegions(regions).map((r) => ({ value: r.code, label: r.name })), [regions])

  // stable handlers: the bundle lists do not render again when something else on the page changes
  const onOpen = useCallback((id: string) => go(`${ROUTES.guide}?bundle=${encodeURIComponent(id)}&kind=${kind}`), [kind])
  const onRegion = useCallback((code: string) => prefs.setRegion({ code, name: regionName(regions, code) ?? code }), [prefs, regions])
  const onRegionsWanted = useCallback(() => setRegionsWanted(true), [])
  const onSearch = useCallback((q: string) => setQuery(q || undefined), [])
  const onClearSearch = useCallback(() => setQuery(undefined), [])
  const onResume = useCallback((id: string) => {
    const d = useDrafts.getState().drafts[id]
    if (d) go(urlOf(d.place, d))
  }, [])
  const onDrafts = useCallback(() => go(ROUTES.drafts), [])
  const onCases = useCallback(() => go(ROUTES.cases), [])
  const onSignIn = useCallback(() => go(ROUTES.login), [])
  const signedOut = useSession((s) => s.status === 'signed-out')
  const onMessages = useCallback(() => go(ROUTES.messages), [])
  const onPrivacy = useCallback(() => go(ROUTES.privacy), [])
  const onRetry = useCallback(() => void useCatalogue.getState().loadBundles(listQuery), [listQuery])
  const now = nowIso()

  return (
    <Frame>
      <HomeScreen
        regionName={region.name}
        regionCode={region.code}
        regions={regionOptions}
        onRegion={onRegion}
        onRegionsWanted={onRegionsWanted}
        elderMode={prefs.elderMode}
        onElderMode={prefs.setElderMode}
        kind={kind}
        onKind={setKind}
        catalogue={{ loading: !list || list.status === 'loading', error: list?.error, bundles: list?.bundles ?? [] }}
        results={query !== undefined ? { query, loading: !found || found.status === 'loading', error: found?.error, bundles: found?.bundles ?? [] } : undefined}
        onSearch={onSearch}
        onClearSearch={onClearSearch}
        onOpen={onOpen}
        resume={drafts.slice(0, 3).map((d) => ({ id: d.id, bundleName: names.get(d.content.bundleId) ?? '未完成的申请', stepLabel: STEP_LABELS[d.place.step], updatedText: savedText(d.updatedAt, now) }))}
        onResume={onResume}
        onDrafts={onDrafts}
        onCases={onCases}
        onGrants={() => go(ROUTES.grants)}
        onSignIn={signedOut ? onSignIn : undefined}
        unread={signedIn ? unread : undefined}
        onMessages={signedIn ? onMessages : undefined}
        onPrivacy={onPrivacy}
        onRetry={onRetry}
        userName={profile?.name}
        greetingPending={restoring && !profile}
      />
    </Frame>
  )
}
