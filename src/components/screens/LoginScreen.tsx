// Sign-in: WeChat login in the mini-program, mobile + SMS code on H5.
import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { validateMobile } from '@/domain/validators/mobile'
import { AppButton } from '../Button'
import { Heading } from '../Heading'
import { Notice } from '../Notice'
import { TextField } from '../TextField'
import { BackLink } from '../BackLink'

export interface LoginScreenProps {
  mode: 'wechat' | 'sms'
  busy: boolean
  error?: string
  /** epoch ms before which 获取验证码 is disabled */
  cooldownUntil?: number
  now?: () => number
  onWechat: () => void
  /** WeChat: the phone-number button's result (手机号快速验证) */
  onWechatPhone: (result: { code?: string; errMsg?: string }) => void
  onSendCode: (mobile: string) => Promise<boolean>
  onSms: (mobile: string, code: string) => void
  onBack: () => void
  /** 隐私政策 */
  onPrivacy?: () => void
}

export function LoginScreen(props: LoginScreenProps) {
  const { mode, busy, error, cooldownUntil, onWechat, onWechatPhone, onSendCode, onSms, onBack, onPrivacy } = props
  const now = props.now ?? Date.now
  const [mobile, setMobile] = useState('')
  const [code, setCode] = useState('')
  const [mobileError, setMobileError] = useState<string>()
  const [codeError, setCodeError] = useState<string>()
  const [sent, setSent] = useState(false)
  const [left, setLeft] = useState(0)

  useEffect(() => {
    if (!cooldownUntil) return
    const tick = () => setLeft(Math.max(0, Math.ceil((cooldownUntil - now()) / 1000)))
    tick()
    const t = setInterval(tick, 1000)
    return () => clearInterval(t)
  }, [cooldownUntil, now])

  const checkMobile = () => {
    const r = validateMobile(mobile, { label: '手机号码' })
    setMobileError(r.ok ? undefined : r.message)
    return r.ok
  }
  const send = async () => {
    if (!checkMobile()) return
    if (await onSendCode(mobile.trim())) setSent(true)
  }
  const submit = () => {
    const okMobile = checkMobile()
    const okCode = /^\d{6}$/.test(code.trim())
    setCodeError(okCode ? undefined : '请输入短信中的 6 位验证码')
    if (okMobile && okCode) onSms(mobile.trim(), code.trim())
  }

  return (
    <View className='ui-page'>
      <BackLink onTap={onBack} />
      <Heading level={1}>登录</Heading>
      <View className='ui-lead'>登录后可自动填入您的实名信息和电子证照，草稿在手机和电脑间同步。</View>
      {error ? (
        <Notice tone='error' live='alert'>
          {error}
        </Notice>
      ) : null}
      {mode === 'wechat' ? (
        <View>
          <AppButton block openType='getPhoneNumber' onGetPhoneNumber={onWechatPhone} busy={busy}>
            手机号快捷登录
          </AppButton>
          <View className='ui-help'>由微信验证您绑定的手机号，按该号码的实名注册信息登录。</View>
          <AppButton block variant='secondary' onTap={onWechat} busy={busy}>
            微信一键登录
          </AppButton>
        </View>
      ) : (
        <View>
          <TextField id='login-mobile' label='手机号码' kind='tel' maxLength={11} value={mobile} error={mobileError} autoComplete='tel' onInput={setMobile} onBlur={(_, towardsButton) => !towardsButton && mobile && checkMobile()} />
          <AppButton variant='secondary' onTap={send} disabled={left > 0} busy={busy && !sent}>
            {left > 0 ? `${left} 秒后可重新获取` : sent ? '重新获取验证码' : '获取验证码'}
          </AppButton>
          {sent ? (
            <Notice tone='success' live='status'>
              验证码已发送，请查看短信
            </Notice>
          ) : null}
          <TextField id='login-code' label='短信验证码' kind='number' maxLength={6} value={code} error={codeError} autoComplete='one-time-code' onInput={setCode} />
          <AppButton block onTap={submit} busy={busy}>
            登录
          </AppButton>
        </View>
      )}
      {onPrivacy ? (
        <AppButton variant='link' onTap={onPrivacy}>
          隐私政策：登录后我们收集和使用哪些信息
        </AppButton>
      ) : null}
    </View>
  )
}
