// Data the platform holds that differs from what the citizen typed: shown beside it, used only when they say so.
import { View } from '@tarojs/components'
import type { FieldView, PrefillOffer } from '@/domain'
import { AppButton } from './Button'
import { displayValue } from './format'

export function PrefillOfferCard({ offer, fields, onUse }: { offer: PrefillOffer; fields: FieldView[]; onUse: () => void }) {
  const byId = new Map(fields.map((f) => [f.id, f.field]))
  const shown = (id: string, value: string) => {
    const field = byId.get(id)
    return field ? displayValue(field, value) : value
  }
  return (
    <View className='ui-card ui-offer' role='group' aria-label={`${offer.sourceLabel}上的信息`}>
      <View className='ui-lead'>{offer.sourceLabel}上的信息与您填写的不一致。您填写的内容会保留，除非您选择使用证照上的信息：</View>
      {offer.fields.map((f) => (
        <View key={f.id} className='ui-help'>
          {f.label}：{shown(f.id, f.value)}
          {f.typed ? `（您填写的：${shown(f.id, f.typed)}）` : '（您未填写）'}
        </View>
      ))}
      <AppButton variant='secondary' onTap={onUse}>
        使用{offer.sourceLabel}上的信息
      </AppButton>
    </View>
  )
}
