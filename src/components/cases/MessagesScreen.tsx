// 消息: every event of the citizen's cases, newest first; unread ones marked in words; tapping opens the case
// (or, for the answer to an 在线咨询 question, the question with its answer).
import { View } from '@tarojs/components'
import { BackLink } from '../BackLink'
import { AppButton } from '../Button'
import { Heading } from '../Heading'
import { Notice } from '../Notice'
import './cases.css'

export interface MessagesScreenProps {
  /** about a case (`caseId`) or a question (`questionId`) */
  messages: { id: string; caseId?: string; questionId?: string; title: string; body: string; read: boolean; when: string }[]
  unread: number
  loading?: boolean
  error?: string
  onOpen: (id: string, caseId: string) => void
  onOpenQuestion?: (id: string, questionId: string) => void
  onReadAll: () => void
  /** none on the 消息 tab (the tab bar is there) */
  onBack?: () => void
  /** signed out: what comes here and a sign-in button, instead of the list */
  onSignIn?: () => void
}

export function MessagesScreen(p: MessagesScreenProps) {
  return (
    <View className='ui-page'>
      {p.onBack ? <BackLink onTap={p.onBack}>‹ 返回</BackLink> : null}
      <Heading level={1}>消息</Heading>
      {p.onSignIn ? (
        <View className='ui-card'>
          <View className='ui-lead'>登录后，办件受理、补正、办结的通知会发到这里。</View>
          <AppButton block onTap={p.onSignIn}>
            登录
          </AppButton>
        </View>
      ) : (
        <View className='ui-inline'>
          <View className='ui-help' role='status'>
            {p.unread ? `${p.unread} 条未读` : '没有未读消息'}
          </View>
          {p.unread ? (
            <AppButton variant='link' onTap={p.onReadAll}>
              全部标为已读
            </AppButton>
          ) : null}
        </View>
      )}
      {p.error ? <Notice tone='warning'>{p.error}</Notice> : null}
      {p.loading && !p.messages.length ? <View className='ui-help'>正在加载…</View> : null}
      {!p.loading && !p.onSignIn && !p.messages.length ? <View className='ui-help'>暂无消息。办件有进展时会通知您。</View> : null}
      {p.messages.map((m) => (
        <View key={m.id} className={`ui-card ui-message ${m.read ? '' : 'ui-message--unread'}`}>
          <View className='ui-message__head'>
            {m.read ? null : <View className='ui-flag'>未读</View>}
            <View className='ui-strong'>{m.title}</View>
          </View>
          <View>{m.body}</View>
          <View className='ui-help'>
            {m.when} · {m.caseId ? `办件 ${m.caseId}` : '在线咨询'}
          </View>
          {m.caseId ? (
            <AppButton variant='secondary' onTap={() => p.onOpen(m.id, m.caseId!)} ariaLabel={`查看办件 ${m.caseId}：${m.title}`}>
              查看办件
            </AppButton>
          ) : m.questionId && p.onOpenQuestion ? (
            <AppButton variant='secondary' onTap={() => p.onOpenQuestion!(m.id, m.questionId!)} ariaLabel={`查看答复：${m.title}`}>
              查看答复
            </AppButton>
          ) : null}
        </View>
      ))}
    </View>
  )
}
