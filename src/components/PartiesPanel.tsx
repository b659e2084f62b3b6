// Several parties on 核对信息: who must confirm, who has (name, time), and a code to pass on to those who have
// not. The application can be submitted once everyone has confirmed this content.
import { Text, View } from '@tarojs/components'
import type { PartyView } from '@/domain'
import { AppButton } from './Button'
import { Heading } from './Heading'
import { Notice } from './Notice'

export interface PartiesPanelProps {
  parties: PartyView[]
  /** codes given out, by party id, with their expiry in words */
  codes: Record<string, { code: string; expiresText: string }>
  /** the party whose code is being made, or 'refresh' */
  busy?: string
  error?: string
  onInvite: (party: string) => void
  onRefresh: () => void
}

export function PartiesPanel({ parties, codes, busy, error, onInvite, onRefresh }: PartiesPanelProps) {
  const confirming = parties.filter((p) => p.confirms)
  if (!confirming.length) return null
  return (
    <View className='ui-card' id='parties' role='group' aria-labelledby='parties-title'>
      <Heading level={2} id='parties-title'>
        其他申请人确认
      </Heading>
      <View className='ui-help'>这件事需要{confirming.map((p) => p.label).join('、')}在本人账号中确认同一份申请后才能提交。确认后您再修改申请内容的，需要重新确认。</View>
      {confirming.map((p) => (
        <View key={p.id} className='ui-row ui-row--check'>
          <Text className='ui-row__key'>{p.label}</Text>
          {p.confirmation ? (
            <Text className='ui-row__value ui-ok' id={`party-${p.id}-status`}>
              ✓ 已确认（{p.confirmation.name}）
            </Text>
          ) : (
            <View className='ui-row__value' id={`party-${p.id}-status`}>
              <Text>待确认</Text>
              {codes[p.id] ? (
                <View className='ui-help'>
                  确认码 <Text className='ui-strong' selectable>{codes[p.id].code}</Text>：请告诉{p.label}，在“我的草稿 › 确认他人发起的申请”中输入（{codes[p.id].expiresText}前有效）。
                </View>
              ) : (
                <AppButton variant='secondary' busy={busy === p.id} onTap={() => onInvite(p.id)} ariaLabel={`生成确认码：${p.label}`}>
                  生成确认码
                </AppButton>
              )}
            </View>
          )}
        </View>
      ))}
      {error ? (
        <Notice tone='error' live='alert'>
          {error}
        </Notice>
      ) : null}
      {confirming.some((p) => !p.confirmation) ? (
        <AppButton variant='link' busy={busy === 'refresh'} onTap={onRefresh}>
          刷新确认情况
        </AppButton>
      ) : null}
    </View>
  )
}
