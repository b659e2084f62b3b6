// 我的 (tab): who is signed in (masked), on whose behalf they act, and the account's entries; sign in or out.
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { AppButton } from '../Button'
import { ChoiceGroup } from '../ChoiceGroup'
import { Heading } from '../Heading'
import { Icon } from '../Icon'
import type { IconName } from '../icons'
import { Notice } from '../Notice'
import { Switch } from '../Switch'

export interface MaskedProfile {
  name: string
  mobile: string
  idNumber: string
}

export interface ActingOption {
  value: string
  label: string
  help?: string
}

export interface MenuItem {
  id: string
  icon: IconName
  label: string
  /** a short fact after the label (a count, a state) */
  detail?: string
  onTap?: () => void
  /** shown instead of a link when the entry is not open yet */
  unavailable?: string
}

export interface MeScreenProps {
  status: 'signed-in' | 'signed-out' | 'checking'
  profile?: MaskedProfile
  /** identities the citizen may act as (个人, or a firm as 法定代表人 / 经办人) */
  acting?: { options: ActingOption[]; value: string; busy?: boolean; error?: string; onChange: (value: string) => void }
  menu: MenuItem[]
  elderMode: boolean
  onElderMode: (on: boolean) => void
  notice?: string
  onSignIn: () => void
  onSignOut: () => void
  signingOut?: boolean
}

export function MenuList({ items, label }: { items: MenuItem[]; label: string }) {
  return (
    <View className='ui-menu' role='list' aria-label={label}>
      {items.map((item) => (
        <View key={item.id} role='listitem' className='ui-menu__entry'>
          {item.onTap && !item.unavailable ? (
            <AppButton variant='row' onTap={item.onTap} id={`menu-${item.id}`}>
              <MenuContent item={item} chevron />
            </AppButton>
          ) : (
            <View className='ui-menu__static'>
              <MenuContent item={item} />
            </View>
          )}
        </View>
      ))}
    </View>
  )
}

function MenuContent({ item, chevron }: { item: MenuItem; chevron?: boolean }): ReactNode {
  return (
    <View className='ui-menu__row'>
      <Icon name={item.icon} tone='action' />
      <View className='ui-menu__text'>
        <Text className='ui-menu__label'>{item.label}</Text>
        {item.detail || item.unavailable ? <Text className='ui-menu__detail'>{item.unavailable ?? item.detail}</Text> : null}
      </View>
      {chevron ? <Icon name='chevron' tone='muted' size='sm' /> : null}
    </View>
  )
}

export function MeScreen(p: MeScreenProps) {
  const who = p.status === 'signed-in' ? p.profile : undefined
  return (
    <View className='ui-page ui-me'>
      <Heading level={1}>我的</Heading>
      {p.notice ? (
        <Notice tone='success' live='status'>
          {p.notice}
        </Notice>
      ) : null}
      <View className='ui-card ui-me__who'>
        {/* while the saved sign-in is checked, the card already has the signed-in card's rows (values to come):
            nothing below it moves when the profile arrives */}
        {who || p.status === 'checking' ? (
          <View>
            <View className='ui-me__name'>
              <Icon name='me' tone='brand' size='lg' />
              {who ? (
                <Text className='ui-h2 ui-me__name-text'>{who.name}</Text>
              ) : (
                <Text className='ui-h2 ui-me__name-text' role='status'>
                  正在确认登录状态…
                </Text>
              )}
            </View>
            <View className='ui-row'>
              <Text className='ui-row__key'>手机号</Text>
              <Text className='ui-row__value'>{who?.mobile ?? '…'}</Text>
            </View>
            <View className='ui-row'>
              <Text className='ui-row__key'>身份证号</Text>
              <Text className='ui-row__value'>{who?.idNumber ?? '…'}</Text>
            </View>
            <View className='ui-help'>实名信息来自省一体化平台，为保护您的隐私只显示部分内容。</View>
            {p.acting ? (
              <View className='ui-row'>
                <Text className='ui-row__key'>办事身份</Text>
                <Text className='ui-row__value'>{p.acting.options.find((o) => o.value === p.acting?.value)?.label}</Text>
              </View>
            ) : null}
          </View>
        ) : (
          <View>
            <View className='ui-lead'>登录后可以查看办件进度、电子证照和消息，草稿会在手机和电脑间同步。</View>
            <AppButton block onTap={p.onSignIn}>
              登录
            </AppButton>
          </View>
        )}
      </View>

      {p.status === 'signed-in' && p.acting && p.acting.options.length > 1 ? (
        <View className='ui-card'>
          <ChoiceGroup id='acting' legend='办事身份' help='以企业身份办事时，申请人是企业，您是它的法定代表人或经办人。' options={p.acting.options} value={p.acting.value} onChange={(v) => p.acting?.onChange(String(v))} error={p.acting.error} />
          {p.acting.busy ? (
            <View className='ui-help' role='status'>
              正在切换…
            </View>
          ) : null}
        </View>
      ) : null}

      <MenuList items={p.menu} label='我的服务' />

      <View className='ui-card'>
        <Switch id='elder-mode' label='长辈版' checked={p.elderMode} onChange={p.onElderMode} help='字更大、按钮更大、步骤更少' />
      </View>

      {p.status === 'signed-in' ? (
        <AppButton block variant='secondary' busy={p.signingOut} onTap={p.onSignOut}>
          退出登录
        </AppButton>
      ) : null}
    </View>
  )
}
