/** @jest-environment jsdom */
// 登录即将过期 is said on the page (a status, not a dialog) with 继续使用; once ended, 重新登录. Typed work is
// on the device either way, and the notice says so.
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { SessionExpiryNotice } from '@/components/SessionExpiryNotice'

test('before the end: a polite status with the minutes left and 继续使用, no dialog', async () => {
  const onExtend = jest.fn()
  render(<SessionExpiryNotice minutesLeft={4} onExtend={onExtend} onSignIn={() => undefined} />)
  const status = screen.getByRole('status')
  expect(status).toHaveTextContent('登录即将过期')
  expect(status).toHaveTextContent('约 4 分钟后需要重新登录。您填写的内容已保存在本机，不会丢失。')
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
  await userEvent.click(screen.getByRole('button', { name: '继续使用' }))
  expect(onExtend).toHaveBeenCalledTimes(1)
})

test('a refresh that failed is said at the button; busy ignores taps', async () => {
  const onExtend = jest.fn()
  render(<SessionExpiryNotice minutesLeft={1} failed busy onExtend={onExtend} onSignIn={() => undefined} />)
  expect(screen.getByRole('status')).toHaveTextContent('暂时无法延长登录，请检查网络后再试。')
  await userEvent.click(screen.getByRole('button', { name: '继续使用' }))
  expect(onExtend).not.toHaveBeenCalled()
})

test('after the end: an alert with 重新登录; the work is kept', async () => {
  const onSignIn = jest.fn()
  render(<SessionExpiryNotice onExtend={() => undefined} onSignIn={onSignIn} />)
  expect(screen.getByRole('alert')).toHaveTextContent('登录已过期您填写的内容已保存在本机，重新登录后可以接着办理。')
  await userEvent.click(screen.getByRole('button', { name: '重新登录' }))
  expect(onSignIn).toHaveBeenCalledTimes(1)
})
