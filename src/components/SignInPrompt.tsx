import { View } from '@tarojs/components'
import { AppButton } from './Button'
import { Heading } from './Heading'

const JOURNEY_LEAD = '登录后，我们会用您的实名信息和电子证照自动填写表单，您不必重复填写。已回答的问题都已保存。'

/** Asked where sign-in is first needed (before prefill): says why, keeps everything answered so far. */
export function SignInPrompt({ onSignIn, busy, lead = JOURNEY_LEAD }: { onSignIn: () => void; busy?: boolean; lead?: string }) {
  return (
    <View className='ui-card ui-signin'>
      <Heading level={2}>请先登录</Heading>
      <View className='ui-lead'>{lead}</View>
      <AppButton block onTap={onSignIn} busy={busy}>
        登录后继续
      </AppButton>
    </View>
  )
}
