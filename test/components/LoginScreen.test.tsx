/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { LoginScreen } from '@/components/screens/LoginScreen'

test('H5: mobile and SMS code, each checked at its field before anything is sent', async () => {
  const onSendCode = jest.fn(async () => true)
  const onSms = jest.fn()
  render(<LoginScreen mode='sms' busy={false} onWechat={() => undefined} onWechatPhone={() => undefined} onSendCode={onSendCode} onSms={onSms} onBack={() => undefined} />)
  await userEvent.type(screen.getByRole('textbox', { name: '手机号码' }), '12345')
  await userEvent.click(screen.getByRole('button', { name: '获取验证码' }))
  expect(onSendCode).not.toHaveBeenCalled()
  expect(screen.getByRole('textbox', { name: '手机号码' })).toHaveAttribute('aria-invalid', 'true')
  await userEvent.clear(screen.getByRole('textbox', { name: '手机号码' }))
  await userEvent.type(screen.getByRole('textbox', { name: '手机号码' }), '13807310001')
  await userEvent.click(screen.getByRole('button', { name: '获取验证码' }))
  expect(onSendCode).toHaveBeenCalledWith('13807310001')
  expect(await screen.findByText('验证码已发送，请查看短信')).toBeInTheDocument()
  await userEvent.click(screen.getByRole('button', { name: '登录' }))
  expect(screen.getByText('请输入短信中的 6 位验证码')).toBeInTheDocument()
  await userEvent.type(screen.getByRole('textbox', { name: '短信验证码' }), '123456')
  await userEvent.click(screen.getByRole('button', { name: '登录' }))
  expect(onSms).toHaveBeenCalledWith('13807310001', '123456')
})

test('WeChat: 手机号快捷登录 and 微信一键登录, no SMS; a failure message is announced', async () => {
  const onWechat = jest.fn()
  render(<LoginScreen mode='wechat' busy={false} error='微信登录失败，请稍后重试' onWechat={onWechat} onWechatPhone={() => undefined} onSendCode={async () => true} onSms={() => undefined} onBack={() => undefined} />)
  expect(screen.getByRole('alert')).toHaveTextContent('微信登录失败，请稍后重试')
  expect(screen.getByRole('button', { name: '手机号快捷登录' })).toBeInTheDocument()
  expect(screen.queryByRole('textbox', { name: '手机号码' })).toBeNull()
  await userEvent.click(screen.getByRole('button', { name: '微信一键登录' }))
  expect(onWechat).toHaveBeenCalled()
})

test('the resend button counts down', () => {
  render(<LoginScreen mode='sms' busy={false} cooldownUntil={61_000} now={() => 1_000} onWechat={() => undefined} onWechatPhone={() => undefined} onSendCode={async () => true} onSms={() => undefined} onBack={() => undefined} />)
  expect(screen.getByRole('button', { name: '60 秒后可重新获取' })).toHaveAttribute('aria-disabled', 'true')
})
