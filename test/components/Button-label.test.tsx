/** @jest-environment jsdom */
// Taro's build compiles an `ariaLabel` JSX prop into `aria-label` at the call site (the mini-program
// attribute name); jest does not. The shared button must name itself either way, or on H5 every 修改 and
// 继续办理 reads as just that word.
import { render, screen } from '@testing-library/react'
import { AppButton } from '@/components/Button'

test('the accessible name comes from ariaLabel as written, or from aria-label as Taro compiles it', () => {
  render(
    <>
      <AppButton ariaLabel='修改：店名'>修改</AppButton>
      <AppButton {...{ 'aria-label': '继续办理开办餐饮店' }}>继续办理</AppButton>
    </>,
  )
  expect(screen.getByRole('button', { name: '修改：店名' })).toHaveTextContent('修改')
  expect(screen.getByRole('button', { name: '继续办理开办餐饮店' })).toHaveTextContent('继续办理')
})
