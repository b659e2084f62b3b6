// 帮助与客服: one tap to 12345, each bundle's department lines, and 在线咨询 (asked here, answered by staff within
// 5 working days; the answer arrives in 消息).
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { DepartmentContact } from '@/domain/contacts'
import { BackLink } from '../BackLink'
import { AppButton } from '../Button'
import { ChoiceGroup, type ChoiceOption } from '../ChoiceGroup'
import { Heading } from '../Heading'
import { Icon } from '../Icon'
import { Notice } from '../Notice'

export interface HelpScreenProps {
  hotline: string
  onCall: (phone: string) => void
  bundles: ChoiceOption[]
  bundlesError?: string
  bundleId?: string
  onBundle: (id: string) => void
  /** the chosen bundle's departments; undefined while loading */
  contacts?: DepartmentContact[]
  contactsError?: string
  /** 在线咨询: the form and the citizen's questions (a section of its own) */
  consult?: ReactNode
  onBack: () => void
}

export function HelpScreen(p: HelpScreenProps) {
  return (
    <View className='ui-page'>
      <BackLink onTap={p.onBack} />
      <Heading level={1}>帮助与客服</Heading>

      <View className='ui-card'>
        <Heading level={2}>{p.hotline} 政务服务便民热线</Heading>
        <View className='ui-help'>全天 24 小时。办事咨询、投诉、求助都可以打。</View>
        <AppButton block onTap={() => p.onCall(p.hotline)}>
          <Icon name='phone' tone='surface' />
          <Text className='ui-btn__text'>拨打 {p.hotline}</Text>
        </AppButton>
      </View>

      {p.consult}

      <View className='ui-section'>
        <Heading level={2}>各部门咨询电话</Heading>
        {p.bundlesError ? <Notice tone='error'>{p.bundlesError}</Notice> : null}
        {p.bundles.length ? <ChoiceGroup id='help-bundle' legend='要问哪件事？' options={p.bundles} value={p.bundleId} onChange={(v) => p.onBundle(String(v))} /> : null}
        {p.bundleId && p.contactsError ? <Notice tone='error'>{p.contactsError}</Notice> : null}
        {p.bundleId && !p.contacts && !p.contactsError ? (
          <View className='ui-help' role='status'>
            正在加载…
          </View>
        ) : null}
        {p.contacts?.map((c) => (
          <View key={c.department} className='ui-card'>
            <Heading level={3}>{c.department}</Heading>
            <View className='ui-help'>咨询：{c.consult}</View>
            <View className='ui-inline'>
              {c.phones
                .filter((n) => n !== p.hotline)
                .map((n) => (
                  <AppButton key={n} variant='secondary' onTap={() => p.onCall(n)}>
                    拨打 {n}
                  </AppButton>
                ))}
            </View>
            <View className='ui-help'>投诉：{c.complaint}</View>
          </View>
        ))}
      </View>
    </View>
  )
}
