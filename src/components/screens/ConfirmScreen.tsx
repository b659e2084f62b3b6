// A co-applicant (二手房's buyer) confirms an application someone else filed: by the code they were given,
// they read what they confirm — the matters, and the promises they make by confirming — in their own account.
import { View } from '@tarojs/components'
import { useState } from 'react'
import type { PartyConfirmation } from '@/domain'
import { AppButton } from '../Button'
import { BackLink } from '../BackLink'
import { Heading } from '../Heading'
import { Notice } from '../Notice'
import { TextField } from '../TextField'

/** What the code asks the co-applicant to confirm (the platform's InvitationView). */
export interface ConfirmView {
  bundleName: string
  partyLabel: string
  initiatorName: string
  matters: string[]
  promises: { materialId: string; name: string; text: string }[]
}

export interface ConfirmScreenProps {
  viewed?: ConfirmView
  confirmed?: PartyConfirmation
  busy?: string
  error?: string
  onLookup: (code: string) => void
  onConfirm: () => void
  onBack: () => void
}

export function ConfirmScreen({ viewed, confirmed, busy, error, onLookup, onConfirm, onBack }: ConfirmScreenProps) {
  const [code, setCode] = useState('')
  const [problem, setProblem] = useState<string>()
  const lookup = () => {
    if (!/^[A-Za-z0-9]{8}$/.test(code.trim())) return setProblem('确认码为 8 位字母或数字')
    setProblem(undefined)
    onLookup(code.trim())
  }
  return (
    <View className='ui-page'>
      <BackLink onTap={onBack} />
      <Heading level={1}>确认他人发起的申请</Heading>
      <View className='ui-lead'>二手房买卖等需要多方申请的事项，由一方发起，其他各方在本人账号中确认同一份申请。</View>
      <TextField id='invitation-code' label='确认码' help='发起申请的一方在“核对信息”页生成，8 位' value={code} error={problem} maxLength={8} onInput={setCode} />
      <AppButton variant='secondary' busy={busy === 'lookup'} onTap={lookup}>
        查看申请
      </AppButton>
      {error ? (
        <Notice tone='error' live='alert'>
          {error}
        </Notice>
      ) : null}
      {viewed ? (
        <View className='ui-card' id='invitation'>
          <Heading level={2}>{viewed.bundleName}</Heading>
          <View>
            发起人：{viewed.initiatorName}；请您以{viewed.partyLabel}身份确认。
          </View>
          <View className='ui-label'>将一并办理的事项</View>
          {viewed.matters.map((m) => (
            <View key={m} className='ui-bullet'>
              {m}
            </View>
          ))}
          {viewed.promises.length ? (
            <View>
              <View className='ui-label'>确认即表示您作出以下承诺</View>
              {viewed.promises.map((p) => (
                <View key={p.materialId} className='ui-promise'>
                  <View className='ui-strong'>{p.name}</View>
                  <View className='ui-promise__text'>{p.text}</View>
                </View>
              ))}
            </View>
          ) : null}
          {confirmed ? (
            <Notice tone='success' live='status'>
              已确认。发起人可以提交申请了；申请内容再有修改的，需要您重新确认。
            </Notice>
          ) : (
            <AppButton block busy={busy === 'confirm'} onTap={onConfirm}>
              我已阅读，确认这份申请
            </AppButton>
          )}
        </View>
      ) : null}
    </View>
  )
}
