/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { AppButton } from '@/components/Button'

test('the shared button is a focusable button that Enter and Space activate', async () => {
  const onTap = jest.fn()
  render(<AppButton onTap={onTap}>继续</AppButton>)
  const button = screen.getByRole('button', { name: '继续' })
  await userEvent.tab()
  expect(button).toHaveFocus()
  await userEvent.keyboard('{Enter}')
  await userEvent.keyboard(' ')
  await userEvent.click(button)
  expect(onTap).toHaveBeenCalledTimes(3)
})

test('a disabled or busy button says so and ignores taps and keys', async () => {
  const onTap = jest.fn()
  render(
    <>
      <AppButton onTap={onTap} disabled>
        提交
      </AppButton>
      <AppButton onTap={onTap} busy>
        登录
      </AppButton>
    </>,
  )
  expect(screen.getByRole('button', { name: '提交' })).toHaveAttribute('aria-disabled', 'true')
  expect(screen.getByRole('button', { name: '登录' })).toHaveAttribute('aria-busy', 'true')
  await userEvent.click(screen.getByRole('button', { name: '提交' }))
  screen.getByRole('button', { name: '登录' }).focus()
  await userEvent.keyboard('{Enter}')
  expect(onTap).not.toHaveBeenCalled()
})
