// 我的办件 (the 办件 tab): each case with its number, bundle, status and due date; opening one shows its record.
import { View } from '@tarojs/components'
import { AppButton } from './Button'
import { Heading } from './Heading'
import { Notice } from './Notice'

export interface CaseItem {
  id: string
  bundleName: string
  statusText: string
  dueText: string
}

export function CaseList({ cases, error, signedIn, onOpen, onSignIn }: { cases: CaseItem[]; error?: string; signedIn: boolean; onOpen: (id: string) => void; onSignIn: () => void }) {
  return (
    <View className='ui-page'>
      <Heading level={1}>我的办件</Heading>
      {!signedIn ? (
        <View className='ui-card'>
          <View className='ui-lead'>登录后可以查看您在手机、电脑和窗口提交的全部办件和办理进度。</View>
          <AppButton block onTap={onSignIn}>
            登录
          </AppButton>
        </View>
      ) : null}
      {error && signedIn ? <Notice tone='warning'>{error}</Notice> : null}
      {cases.length === 0 ? <View className='ui-help'>暂无办件。</View> : null}
      {cases.map((c) => (
        <View key={c.id} className='ui-card'>
          <Heading level={2}>{c.bundleName}</Heading>
          <View className='ui-help'>
            办件编号 {c.id} · {c.statusText} · {c.dueText}
          </View>
          <AppButton variant='secondary' onTap={() => onOpen(c.id)} ariaLabel={`查看办件 ${c.id}`}>
            查看
          </AppButton>
        </View>
      ))}
    </View>
  )
}
