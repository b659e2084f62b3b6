// 我的办件: each case with its number, bundle, status and due date; opening one shows its record.
import { View } from '@tarojs/components'
import { AppButton } from './Button'
import { Heading } from './Heading'
import { Notice } from './Notice'
import { BackLink } from './BackLink'

export interface CaseItem {
  id: string
  bundleName: string
  statusText: string
  dueText: string
}

export function CaseList({ cases, error, onOpen, onHome }: { cases: CaseItem[]; error?: string; onOpen: (id: string) => void; onHome: () => void }) {
  return (
    <View className='ui-page'>
      <BackLink onTap={onHome}>‹ 首页</BackLink>
      <Heading level={1}>我的办件</Heading>
      {error ? <Notice tone='warning'>{error}</Notice> : null}
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
