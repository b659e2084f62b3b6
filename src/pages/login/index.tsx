// Sign-in, opened where it is first needed; on success it returns to the page that asked.
import Taro from '@tarojs/taro'
import { LoginScreen } from '@/components/screens/LoginScreen'
import { useSession } from '@/stores/app'
import { useShallow } from 'zustand/react/shallow'
import { Frame } from '../Frame'
import { home } from '../nav'

function leave() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else home()
}

export default function LoginPage() {
  const s = useSession(useShallow((x) => ({ status: x.status, error: x.error, smsCooldownUntil: x.smsCooldownUntil, sendSmsCode: x.sendSmsCode, loginSms: x.loginSms, loginWechat: x.loginWechat })))
  return (
    <Frame>
      <LoginScreen
        mode={process.env.TARO_ENV === 'weapp' ? 'wechat' : 'sms'}
        busy={s.status === 'signing-in'}
        error={s.error}
        cooldownUntil={s.smsCooldownUntil}
        onWechat={async () => {
          try {
            const { code } = await Taro.login()
            if (await s.loginWechat(code)) leave()
          } catch {
            useSession.setState({ error: '微信登录失败，请稍后重试' })
          }
        }}
        onSendCode={s.sendSmsCode}
        onSms={async (mobile, code) => {
          if (await s.loginSms(mobile, code)) leave()
        }}
        onBack={leave}
      />
    </Frame>
  )
}
