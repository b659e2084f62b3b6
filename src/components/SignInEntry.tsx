// Where the citizen's drafts or cases are listed and nobody is signed in: what signing in brings, and the way in.
import { View } from '@tarojs/components'
import { AppButton } from './Button'

export function SignInEntry({ text, onSignIn, busy }: { text: string; onSignIn: () => void; busy?: boolean }) {
  return (
    <View className='ui-card ui-signin-entry'>
      <View className='ui-help'>{text}</View>
      <AppButton onTap={onSignIn} busy={busy} ariaLabel='登录'>
        登录
      </AppButton>
    </View>
  )
}
