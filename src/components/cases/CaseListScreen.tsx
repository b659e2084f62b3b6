// 我的办件: per case the bundle, number, state in plain words, 红黄牌 with the time left, and a badge when the
// citizen has something to do. Cases needing action come first (the caller sorts).
import { View } from '@tarojs/components'
import { memo } from 'react'
import type { CaseListItem } from '@/domain/case'
import { BackLink } from '../BackLink'
import { AppButton } from '../Button'
import { Heading } from '../Heading'
import { Notice } from '../Notice'
import { SignInEntry } from '../SignInEntry'
import { ClockBadge } from './ClockBadge'
import './cases.css'

export interface CaseListScreenProps {
  cases: CaseListItem[]
  loading?: boolean
  error?: string
  unread?: number
  onOpen: (id: string) => void
  onMessages?: () => void
  /** a way back home; none on the 办件 tab (the tab bar is there) */
  onHome?: () => void
  /** signed out: the way to sign in (the platform's list needs it), instead of the list */
  signIn?: { onSignIn: () => void; busy?: boolean }
}

/** memo: the tab renders again as the session and messages load; the list only when what it shows changed */
export const CaseListScreen = memo(function CaseListScreen({ cases, loading, error, unread, onOpen, onMessages, onHome, signIn }: CaseListScreenProps) {
  const waiting = cases.filter((c) => c.awaitingCitizen).length
  return (
    <View className='ui-page'>
      <View className='ui-inline'>
        {onHome ? <BackLink onTap={onHome}>‹ 首页</BackLink> : null}
        {onMessages ? (
          <AppButton variant='link' onTap={onMessages} ariaLabel={unread ? `消息，${unread} 条未读` : '消息'}>
            消息{unread ? `（${unread} 条未读）` : ''}
          </AppButton>
        ) : null}
      </View>
      <Heading level={1}>我的办件</Heading>
      {signIn ? <SignInEntry text='登录后，可查看您在各个设备上提交的办件和办理进度。' onSignIn={signIn.onSignIn} busy={signIn.busy} /> : null}
      {error && !signIn ? <Notice tone='warning'>{error}</Notice> : null}
      {waiting ? (
        <Notice tone='warning' live='status'>
          有 {waiting} 件需要您处理
        </Notice>
      ) : null}
      {loading && !cases.length ? (
        <View className='ui-help' role='status'>
          正在加载…
        </View>
      ) : null}
      {/* signed out, "none" would not be true: the entry says what signing in shows */}
      {!loading && !signIn && !cases.length ? <View className='ui-help'>暂无办件。</View> : null}
      {cases.map((c) => (
        <View key={c.id} className={`ui-card ui-case-item ${c.awaitingCitizen ? 'ui-case-item--todo' : ''}`}>
          <View className='ui-case-item__head'>
            <Heading level={2} className='ui-case-item__name'>
              {c.bundleName}
            </Heading>
            {c.awaitingCitizen ? <View className='ui-flag'>待您处理</View> : null}
          </View>
          <View className='ui-help'>办件编号 {c.id}</View>
          <View className='ui-case-item__state'>{c.stateLabel}</View>
          <ClockBadge clock={c.clock} />
          <AppButton variant={c.awaitingCitizen ? 'primary' : 'secondary'} onTap={() => onOpen(c.id)} ariaLabel={`${c.awaitingCitizen ? '去处理' : '查看'}办件 ${c.id}（${c.stateLabel}）`}>
            {c.awaitingCitizen ? '去处理' : '查看'}
          </AppButton>
        </View>
      ))}
    </View>
  )
})
