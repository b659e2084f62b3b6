// The prompt WeChat's privacy authorisation asks for: what is about to happen, where to read the rules, and the
// two answers. 同意 is WeChat's agreePrivacyAuthorization button: WeChat records the agreement from that tap.
import { View } from '@tarojs/components'
import { AppButton } from './Button'
import { Heading } from './Heading'

export const PRIVACY_AGREE_ID = 'privacy-agree'

export interface PrivacyPromptProps {
  /** 使用手机号快捷登录 … */
  purpose: string
  onAgree: () => void
  onDisagree: () => void
  /** WeChat's own page with the 隐私保护指引 filed for this mini-program */
  onOpenGuide: () => void
  /** the app's 隐私政策 page */
  onOpenPolicy: () => void
}

export function PrivacyPrompt(p: PrivacyPromptProps) {
  return (
    <View className='ui-privacy' role='dialog' aria-labelledby='privacy-title' aria-modal='true'>
      <View className='ui-privacy__box'>
        <Heading level={2} id='privacy-title'>
          隐私保护提示
        </Heading>
        <View className='ui-lead'>
          {p.purpose}前，请阅读并同意《湖南一件事一次办小程序隐私保护指引》。我们只在办理您申请的事项时使用这些信息，并只提供给承办部门。
        </View>
        <AppButton variant='link' onTap={p.onOpenGuide}>
          查看《隐私保护指引》
        </AppButton>
        <AppButton variant='link' onTap={p.onOpenPolicy}>
          查看隐私政策（收集什么、为什么、保存多久、共享给谁）
        </AppButton>
        <AppButton id={PRIVACY_AGREE_ID} block openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={p.onAgree}>
          同意并继续
        </AppButton>
        <AppButton block variant='secondary' onTap={p.onDisagree}>
          不同意
        </AppButton>
      </View>
    </View>
  )
}
