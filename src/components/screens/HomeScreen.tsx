// Home: search, 个人/法人, life events, popular bundles, 自贸区专区, 政策兑现, region, drafts and cases, 长辈版.
import { Text, View } from '@tarojs/components'
import { memo, useState } from 'react'
import type { ApplicantKind } from '@/domain'
import { BundleCard, type BundleItem } from '../BundleCard'
import { AppButton } from '../Button'
import { ChoiceGroup, type ChoiceOption } from '../ChoiceGroup'
import { Heading } from '../Heading'
import { Notice } from '../Notice'
import { SignInEntry } from '../SignInEntry'
import { Switch } from '../Switch'
import { TextField } from '../TextField'

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

export interface HomeScreenProps {
  regionName: string
  regionCode: string
  regions: ChoiceOption[]
  onRegion: (code: string) => void
  /** the region list is about to be shown: load it if it is not there yet */
  onRegionsWanted?: () => void
  elderMode: boolean
  onElderMode: (on: boolean) => void
  kind: ApplicantKind
  onKind: (kind: ApplicantKind) => void
  /** every bundle for the kind and region */
  catalogue: ListState
  /** search results, once searched */
  results?: ListState & { query: string }
  onSearch: (q: string) => void
  onClearSearch: () => void
  onOpen: (id: string) => void
  resume: ResumeItem[]
  onResume: (id: string) => void
  onDrafts: () => void
  onCases: () => void
  onGrants: () => void
  /** signed out (known): the way to sign in, beside 我的草稿 and 我的办件 */
  onSignIn?: () => void
  /** 消息: unread count (signed in) */
  unread?: number
  onMessages?: () => void
  /** 隐私政策 */
  onPrivacy?: () => void
  onRetry: () => void
  userName?: string
  /** a saved sign-in is being checked: keep the greeting's line so nothing moves when the name arrives */
  greetingPending?: boolean
}

// memo: typing in the search box or opening the region list does not render every card again
const BundleList = memo(function BundleList({ list, onOpen, empty }: { list: BundleItem[]; onOpen: (id: string) => void; empty: string }) {
  if (!list.length) return <View className='ui-help'>{empty}</View>
  return (
    <View>
      {list.map((b) => (
        <BundleCard key={b.id} bundle={b} onOpen={onOpen} />
      ))}
    </View>
  )
})

export function HomeScreen(props: HomeScreenProps) {
  const { regionName, regionCode, regions, onRegion, onRegionsWanted, elderMode, onElderMode, kind, onKind, catalogue, results, onSearch, onClearSearch, onOpen, resume, onResume, onDrafts, onCases, onGrants, onSignIn, onPrivacy, onRetry, userName, greetingPending, unread, onMessages } = props
  const [query, setQuery] = useState(results?.query ?? '')
  const [regionOpen, setRegionOpen] = useState(false)
  const [category, setCategory] = useState<string>()
  const all = catalogue.bundles
  // first load: the life-event chips will appear above the list, so their place is kept (no layout shift)
  const firstLoad = catalogue.loading && !all.length && !catalogue.error
  const categories = [...new Set(all.map((b) => b.category))]
  const shown = category ? all.filter((b) => b.category === category) : all
  const ftz = all.filter((b) => b.zones.includes('ftz'))
  const policy = all.filter((b) => b.zones.includes('policy'))

  return (
    <View className={`ui-page ui-home ${elderMode ? 'elder' : ''}`}>
      <View className='ui-home__top'>
        <Heading level={1} className='ui-home__title'>
          一件事一次办
        </Heading>
        {userName || greetingPending ? <View className='ui-lead ui-home__greeting'>{userName ? `${userName}，您好。` : ''}</View> : null}
        <View className='ui-lead'>一次告知、一次表单、一次办好</View>
        <View className='ui-inline ui-home__region'>
          <Text>当前地区：{regionName}</Text>
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
            <ChoiceGroup
              id='region'
              legend='选择办事地区'
              options={regions}
              value={regionCode}
              onChange={(v) => {
                onRegion(String(v))
                setRegionOpen(false)
              }}
            />
          </View>
        ) : null}
        <Switch id='elder-mode' label='长辈版（大字体）' checked={elderMode} onChange={onElderMode} help='字体更大、按钮更大' />
      </View>

      <View className='ui-search' role='search'>
        <TextField id='search' label='搜索一件事' placeholder='如：开餐馆、新生儿出生、退休' value={query} onInput={setQuery} />
        <View className='ui-inline'>
          <AppButton onTap={() => onSearch(query.trim())}>搜索</AppButton>
          {results ? (
            <AppButton
              variant='link'
              onTap={() => {
                setQuery('')
                onClearSearch()
              }}
            >
              清除搜索
            </AppButton>
          ) : null}
        </View>
      </View>

      {results ? (
        <View className='ui-section' aria-live='polite'>
          <Heading level={2}>“{results.query}”的搜索结果</Heading>
          {results.loading ? <View className='ui-help'>正在搜索…</View> : results.error ? <Notice tone='error'>{results.error}</Notice> : <BundleList list={results.bundles} onOpen={onOpen} empty='没有找到相关的一件事，请换个说法试试，如“开店”“出生”“退休”。' />}
        </View>
      ) : null}

      {resume.length ? (
        <View className='ui-section'>
          <Heading level={2}>继续办理</Heading>
          {resume.map((r) => (
            <View key={r.id} className='ui-card'>
              <AppButton variant='link' onTap={() => onResume(r.id)} ariaDescribedBy={`resume-${r.id}`}>
                {r.bundleName}
              </AppButton>
              <View className='ui-help' id={`resume-${r.id}`}>
                上次到：{r.stepLabel} · {r.updatedText}
              </View>
            </View>
          ))}
        </View>
      ) : null}

      <View className='ui-inline ui-home__entries'>
        <AppButton variant='secondary' onTap={onDrafts}>
          我的草稿
        </AppButton>
        <AppButton variant='secondary' onTap={onCases}>
          我的办件
        </AppButton>
        {onMessages ? (
          <AppButton variant='secondary' onTap={onMessages} ariaLabel={unread ? `消息，${unread} 条未读` : '消息'}>
            消息{unread ? <Text className='ui-count'>{unread}</Text> : null}
          </AppButton>
        ) : null}
        <AppButton variant='secondary' onTap={onGrants}>
          授权与查看记录
        </AppButton>
      </View>
      {onSignIn ? <SignInEntry text='登录后，您在其他手机、电脑上保存的草稿和提交的办件也会显示在这里。' onSignIn={onSignIn} /> : null}

      <View className='ui-tabs' role='group' aria-label='办事对象'>
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
          <View className='ui-chips ui-chips--pending' />
        </View>
      ) : null}
      {categories.length ? (
        <View className='ui-section'>
          <Heading level={2}>按生活事件</Heading>
          <View className='ui-chips'>
            <AppButton variant={category ? 'secondary' : 'primary'} ariaPressed={!category} onTap={() => setCategory(undefined)}>
              全部
            </AppButton>
            {categories.map((c) => (
              <AppButton key={c} variant={category === c ? 'primary' : 'secondary'} ariaPressed={category === c} onTap={() => setCategory(category === c ? undefined : c)}>
                {c}
              </AppButton>
            ))}
          </View>
        </View>
      ) : null}

      <View className='ui-section'>
        <Heading level={2}>{category ? `${category}` : '热门一件事'}</Heading>
        {catalogue.loading && !all.length ? (
          <View className='ui-help ui-home__pending' role='status'>
            正在加载…
          </View>
        ) : <BundleList list={shown} onOpen={onOpen} empty='本地区暂无可办理的一件事' />}
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
      {onPrivacy ? (
        <AppButton variant='link' onTap={onPrivacy}>
          隐私政策
        </AppButton>
      ) : null}
    </View>
  )
}
