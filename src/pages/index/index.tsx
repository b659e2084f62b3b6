// Home: find a bundle by search, kind, life event or zone, in the citizen's region; resume a draft.
import { useEffect, useMemo, useState } from 'react'
import type { ApplicantKind } from '@/domain'
import { HomeScreen } from '@/components/screens/HomeScreen'
import { useCatalogue, useDrafts, usePreferences, useSession } from '@/stores/app'
import { cityRegions, queryKey, regionName } from '@/stores/catalogue'
import { selectOpenDrafts } from '@/stores/draft'
import { ROUTES, STEP_LABELS, urlOf } from '@/stores/journey'
import { DEFAULT_REGION } from '@/stores/preferences'
import { useShallow } from 'zustand/react/shallow'
import { Frame } from '../Frame'
import { go } from '../nav'

function when(iso: string): string {
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export default function HomePage() {
  const prefs = usePreferences(useShallow((s) => ({ elderMode: s.elderMode, region: s.region, setElderMode: s.setElderMode, setRegion: s.setRegion })))
  const profile = useSession((s) => s.profile)
  const restore = useSession((s) => s.restore)
  const { lists, regions, loadBundles, loadRegions } = useCatalogue(useShallow((s) => ({ lists: s.lists, regions: s.regions, loadBundles: s.loadBundles, loadRegions: s.loadRegions })))
  const drafts = useDrafts(useShallow(selectOpenDrafts))
  const [kind, setKind] = useState<ApplicantKind>('person')
  const [query, setQuery] = useState<string>()

  // region: the citizen's choice, else the profile's city, else 长沙市
  const profileCity = profile?.region ? `${profile.region.slice(0, 4)}00` : undefined
  const region = prefs.region ?? (profileCity ? { code: profileCity, name: regionName(regions, profileCity) ?? DEFAULT_REGION.name } : DEFAULT_REGION)

  useEffect(() => {
    void restore()
    void loadRegions()
  }, [restore, loadRegions])
  const listQuery = useMemo(() => ({ applicantKind: kind, region: region.code }), [kind, region.code])
  useEffect(() => {
    void loadBundles(listQuery)
  }, [listQuery, loadBundles])
  const searchQuery = useMemo(() => (query ? { q: query, region: region.code } : undefined), [query, region.code])
  useEffect(() => {
    if (searchQuery) void loadBundles(searchQuery)
  }, [searchQuery, loadBundles])

  const list = lists[queryKey(listQuery)]
  const found = searchQuery ? lists[queryKey(searchQuery)] : undefined
  const names = useMemo(() => new Map(Object.values(lists).flatMap((l) => l.bundles.map((b) => [b.id, b.name] as const))), [lists])

  return (
    <Frame>
      <HomeScreen
        regionName={region.name}
        regionCode={region.code}
        regions={cityRegions(regions).map((r) => ({ value: r.code, label: r.name }))}
        onRegion={(code) => prefs.setRegion({ code, name: regionName(regions, code) ?? code })}
        elderMode={prefs.elderMode}
        onElderMode={prefs.setElderMode}
        kind={kind}
        onKind={setKind}
        catalogue={{ loading: !list || list.status === 'loading', error: list?.error, bundles: list?.bundles ?? [] }}
        results={query !== undefined ? { query, loading: !found || found.status === 'loading', error: found?.error, bundles: found?.bundles ?? [] } : undefined}
        onSearch={(q) => setQuery(q || undefined)}
        onClearSearch={() => setQuery(undefined)}
        onOpen={(id) => go(`${ROUTES.guide}?bundle=${encodeURIComponent(id)}&kind=${kind}`)}
        resume={drafts.slice(0, 3).map((d) => ({ id: d.id, bundleName: names.get(d.content.bundleId) ?? '未完成的申请', stepLabel: STEP_LABELS[d.place.step], updatedText: when(d.updatedAt) }))}
        onResume={(id) => {
          const d = useDrafts.getState().drafts[id]
          if (d) go(urlOf(d.place, d))
        }}
        onDrafts={() => go(ROUTES.drafts)}
        onCases={() => go(ROUTES.cases)}
        onRetry={() => void loadBundles(listQuery)}
        userName={profile?.name}
      />
    </Frame>
  )
}
