// The 长辈版 home with what only it needs: the 12345 hotline and the call (H5 loads all of it late: lazy.tsx).
import Taro from '@tarojs/taro'
import type { ComponentProps } from 'react'
import { ElderHomeScreen } from '@/components/screens/ElderHomeScreen'
import { HOTLINE } from '@/domain/contacts'

export type ElderHomeProps = Omit<ComponentProps<typeof ElderHomeScreen>, 'hotline' | 'onCall'>

export function ElderHome(props: ElderHomeProps) {
  return <ElderHomeScreen {...props} hotline={HOTLINE} onCall={(phoneNumber) => void Taro.makePhoneCall({ phoneNumber }).catch(() => undefined)} />
}
