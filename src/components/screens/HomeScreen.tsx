// Home: sign-in, the search bar with suggestions, 继续办理 and unread messages at the top, life events as an icon
// grid (the chosen event's bundles right below it), hot bundles as cards with badges, 自贸区专区, 政策兑现;
// region and 长辈版. The 长辈版 home is ElderHomeScreen.
import { Text, View } from '@tarojs/components'
import { memo, useDeferredValue, useState, type ComponentType } from 'react'
import type { ApplicantKind } from '@/domain'
import { BundleCard, type BundleItem } from '../BundleCard'
import { AppButton } from '../Button'
import type { ChoiceOption } from '../ChoiceGroup'
import type { RegionPicker } from '../RegionPicker'
import { Heading } from '../Heading'
import { Icon } from '../Icon'
import type { IconName } from '../icons'
import { Notice } from '../Notice'
import { scrollToId } from '../reveal'
import { SearchBox, suggest } from '../SearchBox'
import { Switch } from '../Switch'

export interface ListState {
  loading: boolean
  error?: string
  bundles: BundleItem[]
}

export interface ResumeItem {
  id: string
  bundleName: string
  stepLabel: string
  updatedText: string
}

export interface EventItem {
  name: string
  icon: IconName
}

export interface HomeScreenProps {
  regionName: string
  regionCode: string
  regions: ChoiceOption[]
  onRegion: (code: string) => void
  /** the list of regions (the page may load it late: it is not on the opening screen) */
  RegionList: ComponentType<Parameters<typeof RegionPicker>[0]>
  /** the region list is about to be shown: load it if it is not there yet */
  onRegionsWanted?: () => void
  elderMode: boolean
  onElderMode: (on: boolean) => void
  kind: ApplicantKind
  onKind: (kind: ApplicantKind) => void
  /** every bundle for the kind and region */
  catalogue: ListState
  /** life events with their icons, in the catalogue's order */
  events?: EventItem[]
  /** search results, once searched */
  results?: ListState & { query: string }
  onSearch: (q: string) => void
  onClearSearch: () => void
  onOpen: (id: string) => void
  resume: ResumeItem[]
  onResume: (id: string) => void
  onDrafts: () => void
  /** unread messages of a signed-in citizen (0 until known); undefined for a visitor: no 消息 row */
  unread?: number
  onMessages?: () => void
  /** 隐私政策 */
  onPrivacy?: () => void
  onRetry: () => void
  userName?: string
  /** a saved sign-in is being checked: keep the greeting's line so nothing moves when the name arrives */
  greetingPending?: boolean
  onSignIn?: () => void
}

// memo: typing in the search box or opening the region list does not render every card again
export const BundleList = memo(function BundleList({ list, onOpen, empty }: { list: BundleItem[]; onOpen: (id: string) => void; empty: string }) {
  if (!list.length) return <View className='ui-help'>{empty}</View>
  return (
    <View>
      {list.map((b) => (
        <BundleCard key={b.id} bundle={b} onOpen={onOpen} />
      ))}
    </View>
  )
})

/** 继续办理 and unread messages: what the citizen left off, first. */
export function TodoCards({ resume, onResume, onDrafts, unread, onMessages }: Pick<HomeScreenProps, 'resume' | 'onResume' | 'onDrafts' | 'unread' | 'onMessages'>) {
  if (!resume.length && unread === undefined) return null
  const first = resume[0]
  return (
    <View className='ui-section ui-home__todo'>
      {/* the row is there for every signed-in citizen, its words change in place: nothing below it moves when the
          count arrives */}
      {unread !== undefined && onMessages ? (
        <AppButton variant='row' className='ui-todo' onTap={onMessages}>
          <Icon name='messages' tone='brand' />
          <Text className='ui-todo__text'>{unread ? `您有 ${unread} 条未读消息` : '我的消息'}</Text>
          <Icon name='chevron' tone='muted' size='sm' />
        </AppButton>
      ) : null}
      {first ? (
        <View className='ui-card ui-resume'>
          <Heading level={2} className='ui-resume__title'>
            继续办理
          </Heading>
          <AppButton variant='link' onTap={() => onResume(first.id)} ariaDescribedBy={`resume-${first.id}`}>
            {first.bundleName}
          </AppButton>
          <View className='ui-help' id={`resume-${first.id}`}>
            上次到：{first.stepLabel} · {first.updatedText}
          </View>
          {resume.length > 1 ? (
            <AppButton variant='link' onTap={onDrafts}>
              全部草稿（{resume.length} 份）
            </AppButton>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}

export function HomeScreen(props: HomeScreenProps) {
  const { regionName, regionCode, regions, onRegion, onRegionsWanted, elderMode, onElderMode, kind, onKind, catalogue, events = [], results, onSearch, onClearSearch, onOpen, onRetry, userName, greetingPending } = props
  const [query, setQuery] = useState(results?.query ?? '')
  const [regionOpen, setRegionOpen] = useState(false)
  const [category, setCategory] = useState<string>()
  // the catalogue arrives in one piece and its cards are most of the page: they render in the background, in
  // slices, while 正在加载… stays (the render was the page's longest task; a tap is never kept waiting by it)
  const all = useDeferredValue(catalogue.bundles)
  const loading = catalogue.loading || all !== catalogue.bundles
  // first load: the life-event grid will appear above the list, so its place is kept (no layout shift)
  const firstLoad = loading && !all.length && !catalogue.error
  const present = new Set(all.map((b) => b.category))
  const grid: EventItem[] = [...events.filter((e) => present.has(e.name)), ...[...present].filter((c) => !events.some((e) => e.name === c)).map((name) => ({ name, icon: 'more' as const }))]
  const shown = category ? all.filter((b) => b.category === category) : []
  const ftz = all.filter((b) => b.zones.includes('ftz'))
  const policy = all.filter((b) => b.zones.includes('policy'))
  const pick = (c: string) => {
    const next = category === c ? undefined : c
    setCategory(next)
    // the chosen event's bundles appear right under the grid: bring them into view
    if (next) setTimeout(() => scrollToId('home-event-results'), 0)
  }

  return (
    <View className={`ui-page ui-home ${elderMode ? 'elder' : ''}`}>
      <View className='ui-home__top'>
        <View className='ui-home__bar'>
          <Heading level={1} className='ui-home__title'>
            一件事一次办
          </Heading>
          {!userName && !greetingPending && props.onSignIn ? (
            <AppButton variant='secondary' className='ui-home__signin' onTap={props.onSignIn}>
              登录
            </AppButton>
          ) : null}
        </View>
        <View className='ui-lead ui-home__greeting'>{userName ? `${userName}，您好。` : greetingPending ? '' : '一次告知、一次表单、一次办好'}</View>
        <View className='ui-inline ui-home__region'>
          <Icon name='location' tone='muted' size='sm' />
          <Text className='ui-home__region-name'>当前地区：{regionName}</Text>
          <AppButton
            variant='link'
            ariaExpanded={regionOpen}
            ariaControls='region-list'
            onTap={() => {
              if (!regionOpen) onRegionsWanted?.()
              setRegionOpen(!regionOpen)
            }}
          >
            切换地区
          </AppButton>
        </View>
        {regionOpen && !regions.length ? (
          <View id='region-list' className='ui-help' role='status'>
            正在加载地区…
          </View>
        ) : null}
        {regionOpen && regions.length ? (
          <View id='region-list'>
            <props.RegionList
              regions={regions}
              value={regionCode}
              onChange={(code) => {
                onRegion(code)
                setRegionOpen(false)
              }}
            />
          </View>
        ) : null}
        <SearchBox
          id='search'
          label='搜索一件事'
          placeholder='如：开餐馆、新生儿出生、退休'
          value={query}
          onInput={setQuery}
          onSearch={onSearch}
          suggestions={suggest(all, query)}
          onPick={onOpen}
        />
        <Switch id='elder-mode' label='长辈版' checked={elderMode} onChange={onElderMode} help='字更大、按钮更大、步骤更少' />
      </View>

      <TodoCards {...props} />

      {results ? (
        <View className='ui-section' aria-live='polite'>
          <Heading level={2}>“{results.query}”的搜索结果</Heading>
          {results.loading ? <View className='ui-help'>正在搜索…</View> : results.error ? <Notice tone='error'>{results.error}</Notice> : <BundleList list={results.bundles} onOpen={onOpen} empty='没有找到相关的一件事，请换个说法试试，如“开店”“出生”“退休”。' />}
          <AppButton
            variant='link'
            onTap={() => {
              setQuery('')
              onClearSearch()
            }}
          >
            清除搜索
          </AppButton>
        </View>
      ) : null}

      <View className='ui-segmented' role='group' aria-label='办事对象'>
        <AppButton variant={kind === 'person' ? 'primary' : 'secondary'} ariaPressed={kind === 'person'} onTap={() => onKind('person')}>
          个人办事
        </AppButton>
        <AppButton variant={kind === 'firm' ? 'primary' : 'secondary'} ariaPressed={kind === 'firm'} onTap={() => onKind('firm')}>
          法人办事
        </AppButton>
      </View>

      {catalogue.error ? (
        <Notice tone='error' live='alert'>
          {catalogue.error}
          <AppButton variant='link' onTap={onRetry}>
            重新加载
          </AppButton>
        </Notice>
      ) : null}

      {firstLoad ? (
        <View className='ui-section' aria-hidden>
          <Heading level={2}>按生活事件</Heading>
          <View className='ui-grid ui-grid--pending' />
        </View>
      ) : null}
      {grid.length ? (
        <View className='ui-section'>
          <Heading level={2}>按生活事件</Heading>
          <View className='ui-grid' role='list' aria-label='生活事件'>
            {grid.map((e) => (
              <View key={e.name} role='listitem' className='ui-grid__cell'>
                <AppButton variant='tile' className={category === e.name ? 'ui-btn--on' : ''} ariaPressed={category === e.name} onTap={() => pick(e.name)}>
                  <Icon name={e.icon} tone={category === e.name ? 'surface' : 'action'} size='lg' />
                  <Text className='ui-tile__label'>{e.name}</Text>
                </AppButton>
              </View>
            ))}
          </View>
        </View>
      ) : null}
      {category ? (
        <View className='ui-section' id='home-event-results'>
          <Heading level={2}>
            {category}（{shown.length} 件）
          </Heading>
          <BundleList list={shown} onOpen={onOpen} empty='本地区暂无这类一件事' />
        </View>
      ) : null}

      <View className='ui-section'>
        <Heading level={2}>热门一件事</Heading>
        {loading && !all.length ? (
          <View className='ui-help ui-home__pending' role='status'>
            正在加载…
          </View>
        ) : (
          <BundleList list={all} onOpen={onOpen} empty='本地区暂无可办理的一件事' />
        )}
      </View>

      {ftz.length ? (
        <View className='ui-section'>
          <Heading level={2}>自贸区专区 · 极简审批</Heading>
          <BundleList list={ftz} onOpen={onOpen} empty='' />
        </View>
      ) : null}

      {policy.length ? (
        <View className='ui-section'>
          <Heading level={2}>政策兑现</Heading>
          <BundleList list={policy} onOpen={onOpen} empty='' />
        </View>
      ) : null}
      {props.onPrivacy ? (
        <AppButton variant='link' onTap={props.onPrivacy}>
          隐私政策
        </AppButton>
      ) : null}
    </View>
  )
}
