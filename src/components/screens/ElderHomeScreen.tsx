// 长辈版 home: fewer things, larger: 继续办理, four large tiles for what elders come for (each shows its bundles
// right under the tiles), 请家人帮我办, 12345, a plain search, and the way back to the standard version.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AppButton } from '../Button'
import { Heading } from '../Heading'
import { Icon } from '../Icon'
import type { IconName } from '../icons'
import { Notice } from '../Notice'
import { focusById, scrollToId } from '../reveal'
import { SearchBox, suggest } from '../SearchBox'
import { Switch } from '../Switch'
import { BundleList, TodoCards, type HomeScreenProps, type ListState } from './HomeScreen'

export interface ElderTileItem {
  label: string
  icon: IconName
  /** a plain line above the tile's results (catalogue data) */
  note?: string
}

export interface ElderHomeScreenProps extends Pick<HomeScreenProps, 'results' | 'onSearch' | 'onClearSearch' | 'onOpen' | 'resume' | 'onResume' | 'onDrafts' | 'unread' | 'onMessages' | 'onElderMode' | 'onSignIn' | 'greetingPending' | 'userName'> {
  tiles: ElderTileItem[]
  /** the tile chosen and its bundles */
  tile?: { index: number } & ListState
  onTile: (index: number | undefined) => void
  /** every bundle for people in the region (for suggestions) */
  all: ListState['bundles']
  onFamily: () => void
  /** the region the bundles are for (changed on the standard home) */
  regionName: string
  hotline: string
  onCall: (phone: string) => void
}

export function ElderHomeScreen(p: ElderHomeScreenProps) {
  const [query, setQuery] = useState(p.results?.query ?? '')
  const choose = (i: number) => {
    const next = p.tile?.index === i ? undefined : i
    p.onTile(next)
    // the results are right under the tiles: take the elder there (and a screen reader to their heading)
    if (next !== undefined)
      setTimeout(() => {
        scrollToId('elder-results')
        focusById('elder-results-title')
      }, 0)
  }
  const chosen = p.tile ? p.tiles[p.tile.index] : undefined
  return (
    <View className='ui-page ui-home ui-elder-home'>
      <View className='ui-home__bar'>
        <Heading level={1} className='ui-home__title'>
          一件事一次办
        </Heading>
        {!p.userName && !p.greetingPending && p.onSignIn ? (
          <AppButton variant='secondary' className='ui-home__signin' onTap={p.onSignIn}>
            登录
          </AppButton>
        ) : null}
      </View>
      <View className='ui-lead ui-home__greeting'>{p.userName ? `${p.userName}，您好。` : p.greetingPending ? '' : '您要办什么事？点一下就行。'}</View>
      <View className='ui-home__region'>
        <Icon name='location' tone='muted' size='sm' />
        <Text>当前地区：{p.regionName}</Text>
      </View>

      <TodoCards resume={p.resume} onResume={p.onResume} onDrafts={p.onDrafts} unread={p.unread} onMessages={p.onMessages} />

      <View className='ui-elder-tiles' role='list' aria-label='常办的事'>
        {p.tiles.map((t, i) => (
          <View key={t.label} role='listitem' className='ui-elder-tiles__cell'>
            <AppButton variant='tile' className={`ui-elder-tile ${p.tile?.index === i ? 'ui-btn--on' : ''}`} ariaPressed={p.tile?.index === i} onTap={() => choose(i)}>
              <Icon name={t.icon} tone={p.tile?.index === i ? 'surface' : 'action'} size='lg' />
              <Text className='ui-tile__label'>{t.label}</Text>
            </AppButton>
          </View>
        ))}
      </View>

      {chosen && p.tile ? (
        <View className='ui-section' id='elder-results'>
          <Heading level={2} id='elder-results-title'>
            {chosen.label}
          </Heading>
          {chosen.note ? <Notice tone='info'>{chosen.note}</Notice> : null}
          {p.tile.loading ? (
            <View className='ui-help' role='status'>
              正在查找…
            </View>
          ) : p.tile.error ? (
            <Notice tone='error'>{p.tile.error}</Notice>
          ) : (
            <BundleList list={p.tile.bundles} onOpen={p.onOpen} empty='这件事暂时不能在网上办。可以拨打 12345 问清楚怎么办，或请家人帮您办。' />
          )}
        </View>
      ) : null}

      <AppButton block className='ui-elder-big' onTap={p.onFamily}>
        <Icon name='family' tone='surface' size='lg' />
        <Text className='ui-btn__text'>请家人帮我办</Text>
      </AppButton>
      <AppButton block variant='secondary' className='ui-elder-big' onTap={() => p.onCall(p.hotline)}>
        <Icon name='phone' tone='action' size='lg' />
        <Text className='ui-btn__text'>拨打 {p.hotline} 问一问</Text>
      </AppButton>

      <SearchBox id='search' label='找别的事' placeholder='如：退休、身后事' value={query} onInput={setQuery} onSearch={p.onSearch} suggestions={suggest(p.all, query, 3)} onPick={p.onOpen} />
      {p.results ? (
        <View className='ui-section' aria-live='polite'>
          <Heading level={2}>“{p.results.query}”的搜索结果</Heading>
          {p.results.loading ? <View className='ui-help'>正在搜索…</View> : p.results.error ? <Notice tone='error'>{p.results.error}</Notice> : <BundleList list={p.results.bundles} onOpen={p.onOpen} empty='没有找到。请换个说法，或拨打 12345 问一问。' />}
          <AppButton
            variant='link'
            onTap={() => {
              setQuery('')
              p.onClearSearch()
            }}
          >
            清除搜索
          </AppButton>
        </View>
      ) : null}

      <View className='ui-card'>
        <Switch id='elder-mode' label='长辈版' checked onChange={p.onElderMode} help='关闭后回到标准版' />
      </View>
    </View>
  )
}
