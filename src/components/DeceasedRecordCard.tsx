// 公民身后事: the offer to let the departments' shared records answer the questions about the deceased, and
// what was found. Presentational: the page asks the platform; the ID number typed here is never shown again
// (only its masked form once found).
import { useState } from 'react'
import { View } from '@tarojs/components'
import { AppButton } from './Button'
import { Notice } from './Notice'
import { TextField } from './TextField'

export interface DeceasedRecordCardProps {
  /** questions the records would answer (still to be answered) */
  questions: number
  /** records already found: masked name and ID number, the standing they were shared on, questions answered */
  found?: { subject: string; subjectIdNumber: string; basis: string; answered: number }
  busy?: boolean
  /** a problem with the typed number (at the field) */
  fieldError?: string
  /** the platform's answer when it shares nothing (no standing, or no death registered) */
  refusal?: string
  onLookUp(idNumber: string): void
  onStopUsing(): void
}

export function DeceasedRecordCard(props: DeceasedRecordCardProps) {
  const { questions, found, busy, fieldError, refusal, onLookUp, onStopUsing } = props
  const [idNumber, setIdNumber] = useState('')
  if (found)
    return (
      <View className='ui-card ui-offer'>
        <View className='ui-lead'>
          已查到 {found.subject}（{found.subjectIdNumber}）的记录（{found.basis}），{found.answered} 个问题已由各部门的记录回答，您在“核对信息”时核对即可。
        </View>
        <AppButton variant='secondary' onTap={onStopUsing}>
          不使用这些记录，我自己回答
        </AppButton>
      </View>
    )
  return (
    <View className='ui-card ui-offer'>
      <View className='ui-lead'>
        请节哀。如果已经开具了死亡医学证明，卫健、公安、人社、医保等部门会共享逝者的信息。输入逝者的身份证号码，平台核对您与逝者在同一户口簿或有结婚登记后，{questions} 个问题由记录回答，您只需核对。
      </View>
      <TextField id='deceased-id-number' label='逝者的身份证号码' kind='idcard' maxLength={18} value={idNumber} error={fieldError} onInput={setIdNumber} onConfirm={(v) => onLookUp(v)} />
      <AppButton variant='secondary' busy={busy} onTap={() => onLookUp(idNumber)}>
        查询逝者的记录
      </AppButton>
      {refusal ? (
        <Notice tone='info' live='status'>
          {refusal}
        </Notice>
      ) : null}
    </View>
  )
}
