// The sign-in is about to end: said on the page (no pop-up, nothing to dismiss first), with 继续使用, which
// gives the sign-in its full time again. What was typed is on this device: it stays either way.
import { View } from '@tarojs/components'
import { AppButton } from './Button'
import { Notice } from './Notice'

export interface SessionExpiryNoticeProps {
  /** about this many minutes left (≥ 1); undefined once it has ended */
  minutesLeft?: number
  busy?: boolean
  /** 继续使用 did not work (offline, or the platform refused) */
  failed?: boolean
  onExtend: () => void
  onSignIn: () => void
}

export function SessionExpiryNotice({ minutesLeft, busy, failed, onExtend, onSignIn }: SessionExpiryNoticeProps) {
  if (minutesLeft === undefined)
    return (
      <Notice tone='warning' live='alert'>
        <View className='ui-strong'>登录已过期</View>
        <View>您填写的内容已保存在本机，重新登录后可以接着办理。</View>
        <AppButton variant='secondary' onTap={onSignIn}>
          重新登录
        </AppButton>
      </Notice>
    )
  return (
    <Notice tone='warning' live='status'>
      <View className='ui-strong'>登录即将过期</View>
      <View>约 {minutesLeft} 分钟后需要重新登录。您填写的内容已保存在本机，不会丢失。</View>
      {failed ? <View className='ui-error'>暂时无法延长登录，请检查网络后再试。</View> : null}
      <AppButton variant='secondary' busy={busy} onTap={onExtend}>
        继续使用
      </AppButton>
    </Notice>
  )
}
