// Sign-in, opened where it is first needed; on success it returns to the page that asked (`?next=`).
import Taro, { useRouter } from '@tarojs/taro'
import { LoginScreen } from '@/components/screens/LoginScreen'
import { useSession } from '@/stores/app'
import { useShallow } from 'zustand/react/shallow'
import { Frame } from '../Frame'
import { ROUTES } from '@/stores/routes'
import { afterSignIn, go, leave } from '../nav'

export default function LoginPage() {
  // where the citizen was going: kept in the URL, so a reload of this page still returns there
  const next = decodeURIComponent(useRouter().params.next ?? '') || undefined
  const done = () => afterSignIn(next)
  const s = useSession(
    useShallow((x) => ({ status: x.status, error: x.error, smsCooldownUntil: x.smsCooldownUntil, sendSmsCode: x.sendSmsCode, loginSms: x.loginSms, loginWechat: x.loginWechat, loginWechatPhone: x.loginWechatPhone })),
  )
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
            if (await s.loginWechat(code)) done()
          } catch {
            useSession.setState({ error: '微信登录失败，请稍后重试' })
          }
        }}
        onWechatPhone={async ({ code, errMsg = '' }) => {
          if (code) {
            if (await s.loginWechatPhone(code)) done()
          } else if (/privacy/.test(errMsg)) useSession.setState({ error: '您未同意隐私保护指引，无法使用手机号快捷登录；可以改用微信一键登录' })
          else if (/deny|cancel/.test(errMsg)) useSession.setState({ error: '您没有授权使用手机号，可以改用微信一键登录' })
          else useSession.setState({ error: '暂时无法验证手机号，请改用微信一键登录' })
        }}
        onSendCode={s.sendSmsCode}
        onSms={async (mobile, code) => {
          if (await s.loginSms(mobile, code)) done()
        }}
        onBack={leave}
        onPrivacy={() => go(ROUTES.privacy)}
      />
    </Frame>
  )
}
