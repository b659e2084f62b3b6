import { View } from '@tarojs/components'
import { useState } from 'react'
import { AppButton } from '../Button'
import { ErrorSummary } from '../ErrorSummary'
import { MaterialCard, type MaterialCardProps } from '../MaterialCard'
import { Notice } from '../Notice'
import { SummaryBar } from '../SummaryBar'
import { scrollToId } from '../reveal'
import { BackLink } from '../BackLink'

export interface MaterialsScreenProps {
  bundleName: string
  cards: Omit<MaterialCardProps, 'error'>[]
  /** material id → message, as the page would refuse 继续 */
  errors: Record<string, string>
  summary: string
  notice?: string
  onContinue: () => void
  onBack: () => void
}

export function MaterialsScreen({ bundleName, cards, errors, summary, notice, onContinue, onBack }: MaterialsScreenProps) {
  const [showAll, setShowAll] = useState(false)
  const [attempt, setAttempt] = useState(0)
  const list = showAll ? cards.filter((c) => errors[c.view.id]).map((c) => ({ id: c.view.id, message: errors[c.view.id] })) : []
  const cont = () => {
    setShowAll(true)
    if (Object.keys(errors).length) {
      setAttempt((n) => n + 1)
      return
    }
    onContinue()
  }
  return (
    <View className='ui-page'>
      <BackLink onTap={onBack} />
      <View className='ui-caption'>{bundleName}</View>
      <ErrorSummary errors={list} attempt={attempt} onSelect={(id) => scrollToId(`m-${id}`)} />
      <View className='ui-h1' role='heading' aria-level={1}>
        准备材料
      </View>
      <View className='ui-lead'>每份材料只需提供一次。能用电子证照的无需上传。</View>
      {notice ? (
        <Notice tone='error' live='alert'>
          {notice}
        </Notice>
      ) : null}
      {cards.map((c) => (
        <MaterialCard key={c.view.id} {...c} error={showAll ? errors[c.view.id] : undefined} />
      ))}
      <SummaryBar text={summary} />
      <AppButton block onTap={cont}>
        继续
      </AppButton>
    </View>
  )
}
