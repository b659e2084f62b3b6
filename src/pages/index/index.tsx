// Home (tab): find a bundle by search, kind, life event or zone, in the citizen's region; resume a draft. In
// 长辈版, the elder home: four large tiles, 请家人帮我办 and 12345.
import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { ApplicantKind } from '@/domain'
import type { BundleQuery, CategoryListResponse } from '@/services/contract'
import { HomeScreen } from '@/components/screens/HomeScreen'
import { ICONS, type IconName } from '@/components/icons'
import { HOTLINE } from '@/domain/contacts'
import { callPhone } from '@/services/phone'
import { useCatalogue, useDrafts, useMessages, usePreferences, useSession } from '@/stores/app'
import { cityRegions, queryKey, regionName } from '@/stores/catalogue'
import { selectOpenDraftsOf } from '@/stores/draft'
import { ROUTES, STEP_LABELS, urlOf } from '@/stores/routes'
import { DEFAULT_REGION } from '@/stores/preferences'
import { useShallow } from 'zustand/react/shallow'
import { Frame } from '../Frame'
import { go, nowIso, signIn } from '../nav'
import { HOME_DEFAULT_KIND, homeListQuery } from './home-query'
import { ElderHomeScreen, RegionPicker } from './lazy'
import { useSavedAgo } from './saved-ago'

/** the same empty list every render: the home screen defers the catalogue by its identity */
const NO_BUNDLES: never[] = []

/** Loads a list unless the same list is already on its way (src/app.ts may have asked for it at start). */
function load(query: BundleQuery): void {
  const state = useCatalogue.getState()
  if (state.lists[queryKey(query)]?.status !== 'loading') void state.loadBundles(query)
}

/** an icon name from the platform, if the app has that icon (else the generic one) */
const iconOf = (name: string): IconName => (name in ICONS ? (name as IconName) : 'more')

function eventsOf(c: CategoryListResponse | undefined) {
  return (c?.categories ?? []).map((x) => ({ name: x.name, icon: iconOf(x.icon) }))
}

export default function HomePage() {
  const prefs = usePreferences(useShallow((s) => ({ elderMode: s.elderMode, region: s.region, setElderMode: s.setElderMode, setRegion: s.setRegion })))
  const profile = useSession((s) => s.profile)
  const status = useSession((s) => s.status)
  // saved tokens are being checked: the greeting will come (src/app.ts starts this before the page renders on H5)
  const restoring = status === 'restoring' || status === 'unknown'
  const { lists, regions, categories, categoriesFailed, loadRegions, loadCategories } = useCatalogue(
    useShallow((s) => ({ lists: s.lists, regions: s.regions, categories: s.categories, categoriesFailed: s.categoriesStatus?.status === 'error', loadRegions: s.loadRegions, loadCategories: s.loadCategories })),
  )
  // this device's drafts of the citizen signed in (or of nobody): another person's stay hidden (draft sync)
  const drafts = useDrafts(useShallow(selectOpenDraftsOf(profile?.userId)))
  const signedIn = useSession((s) => s.status === 'signed-in')
  const unread = useMessages((s) => s.unread)
  const [kind, setKind] = useState<ApplicantKind>(HOME_DEFAULT_KIND)
  const [query, setQuery] = useState<string>()
  const [regionsWanted, setRegionsWanted] = useState(false)
  const [tile, setTile] = useState<number>()

  // region: the citizen's choice, else the profile's city, else 长沙市
  const profileCity = profile?.region ? `${profile.region.slice(0, 4)}00` : undefined
  const region = prefs.region ?? (profileCity ? { code: profileCity, name: regionName(regions, profileCity) ?? DEFAULT_REGION.name } : DEFAULT_REGION)

  useDidShow(() => {
    void useSession.getState().restore()
  })
  useEffect(() => {
    void loadCategories()
  }, [loadCategories])
  // the unread count of 消息, once the citizen is known
  useEffect(() => {
    if (signedIn) void useMessages.getState().load()
  }, [signedIn])
  // the region list (5 KB) only when it is shown or names the profile's city: not on every first paint
  const needRegions = regionsWanted || (!prefs.region && !!profileCity)
  useEffect(() => {
    if (needRegions) void loadRegions()
  }, [needRegions, loadRegions])
  // the 长辈版 home is for people: its lists and tiles ask for 个人 bundles
  const listKind = prefs.elderMode ? 'person' : kind
  const listQuery = useMemo(() => homeListQuery(listKind, region.code), [listKind, region.code])
  useEffect(() => load(listQuery), [listQuery])
  const searchQuery = useMemo(() => (query ? { q: query, region: region.code } : undefined), [query, region.code])
  useEffect(() => {
    if (searchQuery) load(searchQuery)
  }, [searchQuery])
  const tileDef = tile === undefined ? undefined : categories?.elderTiles[tile]
  const tileQuery = useMemo(() => (tileDef ? { ...tileDef.query, applicantKind: 'person' as const, region: region.code } : undefined), [tileDef, region.code])
  useEffect(() => {
    if (tileQuery) load(tileQuery)
  }, [tileQuery])

  const list = lists[queryKey(listQuery)]
  const found = searchQuery ? lists[queryKey(searchQuery)] : undefined
  const tileList = tileQuery ? lists[queryKey(tileQuery)] : undefined
  const names = useMemo(() => new Map(Object.values(lists).flatMap((l) => l.bundles.map((b) => [b.id, b.name] as const))), [lists])
  const regionOptions = useMemo(() => cityRegions(regions).map((r) => ({ value: r.code, label: r.name })), [regions])
  const events = useMemo(() => eventsOf(categories), [categories])
  // the life-event grid is drawn from the list and the categories together: the list waits for them, or the grid
  // would be drawn from the list alone and then again, reordered, when they came (a layout shift)
  const eventsUnknown = !categories && !categoriesFailed

  // stable handlers: the bundle lists do not render again when something else on the page changes
  const onOpen = useCallback((id: string) => go(`${ROUTES.guide}?bundle=${encodeURIComponent(id)}&kind=${listKind}`), [listKind])
  const onRegion = useCallback((code: string) => prefs.setRegion({ code, name: regionName(regions, code) ?? code }), [prefs, regions])
  const onRegionsWanted = useCallback(() => setRegionsWanted(true), [])
  const onSearch = useCallback((q: string) => setQuery(q || undefined), [])
  const onClearSearch = useCallback(() => setQuery(undefined), [])
  const onResume = useCallback((id: string) => {
    const d = useDrafts.getState().drafts[id]
    if (d) go(urlOf(d.place, d))
  }, [])
  const onDrafts = useCallback(() => go(ROUTES.drafts), [])
  const onMessages = useCallback(() => go(ROUTES.messages), [])
  const onPrivacy = useCallback(() => go(ROUTES.privacy), [])
  const onRetry = useCallback(() => void useCatalogue.getState().loadBundles(listQuery), [listQuery])
  const onSignIn = useCallback(() => signIn(ROUTES.home), [])
  const savedAgo = useSavedAgo(nowIso(), drafts.length > 0)
  const resume = drafts.slice(0, 3).map((d) => ({ id: d.id, bundleName: names.get(d.content.bundleId) ?? '未完成的申请', stepLabel: STEP_LABELS[d.place.step], updatedText: savedAgo(d.updatedAt) }))
  const results = query !== undefined ? { query, loading: !found || found.status === 'loading', error: found?.error, bundles: found?.bundles ?? [] } : undefined
  const userName = profile?.name
  const greetingPending = restoring && !profile
  // what both homes show: the greeting or sign-in, search, 继续办理
  const common = { userName, greetingPending, onSignIn, results, onSearch, onClearSearch, onOpen, resume, onResume, onDrafts, unread: signedIn || restoring ? unread : undefined, onMessages }

  if (prefs.elderMode)
    return (
      <Frame tab='home'>
        <ElderHomeScreen
          {...common}
          tiles={(categories?.elderTiles ?? []).map((t) => ({ label: t.label, icon: iconOf(t.icon), note: t.note }))}
          tile={tile === undefined ? undefined : { index: tile, loading: !tileList || tileList.status === 'loading', error: tileList?.error, bundles: tileList?.bundles ?? [] }}
          onTile={setTile}
          all={list?.bundles ?? []}
          onFamily={() => go(ROUTES.family)}
          regionName={region.name}
          hotline={HOTLINE}
          onCall={callPhone}
          onElderMode={prefs.setElderMode}
        />
      </Frame>
    )

  return (
    <Frame tab='home'>
      <HomeScreen
        regionName={region.name}
        regionCode={region.code}
        regions={regionOptions}
        onRegion={onRegion}
        RegionList={RegionPicker}
        onRegionsWanted={onRegionsWanted}
        elderMode={prefs.elderMode}
        onElderMode={prefs.setElderMode}
        kind={kind}
        onKind={setKind}
        catalogue={{ loading: !list || list.status === 'loading' || eventsUnknown, error: list?.error, bundles: (!eventsUnknown && list?.bundles) || NO_BUNDLES }}
        events={events}
        onPrivacy={onPrivacy}
        onRetry={onRetry}
        {...common}
      />
    </Frame>
  )
}
