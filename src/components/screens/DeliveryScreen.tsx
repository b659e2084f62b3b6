// How the result reaches the citizen (EMS to an address, pickup at a named hall, electronic only), and
// 全程网办 or offline where the bundle offers both.
import { View } from '@tarojs/components'
import { useState } from 'react'
import type { Delivery, DeliveryChoice } from '@/domain'
import { AppButton } from '../Button'
import { ChoiceGroup, type ChoiceOption } from '../ChoiceGroup'
import { DELIVERY_LABELS, HANDLING_LABELS } from '../format'
import { Notice } from '../Notice'
import { TextField } from '../TextField'
import { BackLink } from '../BackLink'

export interface DeliveryScreenProps {
  bundleName: string
  methods: Delivery[]
  handlings: ('online' | 'offline')[]
  delivery?: DeliveryChoice
  handling?: 'online' | 'offline'
  halls: ChoiceOption[]
  regions: ChoiceOption[]
  /** the engine's message when the choice is incomplete */
  error?: string
  handlingError?: string
  /** several parties: the results belong to this party (二手房: 买方) */
  recipientLabel?: string
  onMethod: (method: Delivery) => void
  onAddress: (patch: Partial<NonNullable<DeliveryChoice['address']>>) => void
  onHall: (hallId: string) => void
  onHandling: (h: 'online' | 'offline') => void
  onContinue: () => void
  onBack: () => void
}

export function DeliveryScreen(props: DeliveryScreenProps) {
  const { bundleName, methods, handlings, delivery, handling, halls, regions, error, handlingError, recipientLabel, onMethod, onAddress, onHall, onHandling, onContinue, onBack } = props
  const [showAll, setShowAll] = useState(false)
  const a = delivery?.address
  const shown = showAll ? error : undefined
  const cont = () => {
    setShowAll(true)
    if (!error && !handlingError) onContinue()
  }
  return (
    <View className='ui-page'>
      <BackLink onTap={onBack} />
      <View className='ui-caption'>{bundleName}</View>
      <View className='ui-h1' role='heading' aria-level={1}>
        办理方式与结果领取
      </View>
      {showAll && (error || handlingError) ? (
        <Notice tone='error' live='alert' id='error-summary'>
          {[error, handlingError].filter(Boolean).join('；')}
        </Notice>
      ) : null}
      {recipientLabel ? (
        <Notice tone='info' id='recipient-note'>
          办理结果（如新的不动产权证书）属于{recipientLabel}：邮寄请填写{recipientLabel}的收件人和地址，窗口领取由{recipientLabel}本人领取。
        </Notice>
      ) : null}
      {handlings.length > 1 ? (
        <ChoiceGroup
          id='handling'
          legend='办理方式'
          options={handlings.map((h) => ({ value: h, label: HANDLING_LABELS[h], help: h === 'online' ? '全程在网上办理，无需到现场' : '网上预填后到窗口办理' }))}
          value={handling}
          error={showAll ? handlingError : undefined}
          onChange={(v) => onHandling(v as 'online' | 'offline')}
        />
      ) : null}
      <ChoiceGroup
        id='delivery'
        legend='办理结果怎么领取'
        options={methods.map((m) => ({ value: m, label: DELIVERY_LABELS[m] }))}
        value={delivery?.method}
        error={!delivery ? shown : undefined}
        onChange={(v) => onMethod(v as Delivery)}
      />
      {delivery?.method === 'ems' ? (
        <View className='ui-section'>
          {delivery && shown ? (
            <View className='ui-error' id='address-error'>
              {shown}
            </View>
          ) : null}
          <TextField id='d-recipient' label='收件人' value={a?.recipient ?? ''} onInput={(v) => onAddress({ recipient: v })} autoComplete='name' />
          <TextField id='d-mobile' label='收件人手机号码' value={a?.mobile ?? ''} kind='tel' maxLength={11} onInput={(v) => onAddress({ mobile: v })} autoComplete='tel' />
          <ChoiceGroup id='d-region' legend='收件地区' options={regions} value={a?.region} onChange={(v) => onAddress({ region: String(v) })} />
          <TextField id='d-detail' label='详细地址' value={a?.detail ?? ''} onInput={(v) => onAddress({ detail: v })} help='街道、门牌号' autoComplete='street-address' />
          <View className='ui-help'>EMS 邮寄免费，寄出后可在“我的办件”查看物流。</View>
        </View>
      ) : null}
      {delivery?.method === 'pickup' ? (
        <ChoiceGroup id='d-hall' legend='到哪个窗口领取' options={halls} value={delivery.hallId} error={shown} onChange={(v) => onHall(String(v))} />
      ) : null}
      {delivery?.method === 'electronic' ? <View className='ui-help'>办结后，电子证照会发到您的“电子证照”中，可随时出示。</View> : null}
      <AppButton block onTap={cont}>
        继续
      </AppButton>
    </View>
  )
}
