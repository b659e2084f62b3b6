/** @jest-environment jsdom */
// 我的: the person chooses whom they act for (themselves or a firm); the choice is shown as 办事身份.
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MeScreen, type MeScreenProps } from '@/components/screens/MeScreen'

const base: MeScreenProps = {
  status: 'signed-in',
  profile: { name: '赵*', mobile: '138****0004', idNumber: '4****************4' },
  menu: [],
  elderMode: false,
  onElderMode: () => undefined,
  onSignIn: () => undefined,
  onSignOut: () => undefined,
}
const options = [
  { value: 'self', label: '本人（赵*）', help: '办理个人事项' },
  { value: '91430100MA4L12345A', label: '长沙湘味餐饮管理有限公司', help: '您是经办人 · 统一社会信用代码 91430100MA4L12345A' },
]

test('the current 办事身份 is shown, and choosing a firm reports its code', async () => {
  const onChange = jest.fn()
  const { rerender } = render(<MeScreen {...base} acting={{ options, value: 'self', onChange }} />)
  expect(screen.getByText('办事身份', { selector: '.ui-row__key' }).nextSibling).toHaveTextContent('本人（赵*）')
  await userEvent.click(screen.getByRole('radio', { name: /长沙湘味餐饮管理有限公司/ }))
  expect(onChange).toHaveBeenLastCalledWith('91430100MA4L12345A')
  rerender(<MeScreen {...base} acting={{ options, value: '91430100MA4L12345A', onChange }} />)
  expect(screen.getByText('办事身份', { selector: '.ui-row__key' }).nextSibling).toHaveTextContent('长沙湘味餐饮管理有限公司')
  expect(screen.getByRole('radio', { name: /长沙湘味餐饮管理有限公司/ })).toBeChecked()
})

test('no switch for a person who may act for no firm', () => {
  render(<MeScreen {...base} />)
  expect(screen.queryByRole('radiogroup', { name: /办事身份/ })).toBeNull()
})

test('while the saved sign-in is checked, the card already has the signed-in rows: the profile fills them in place', () => {
  const rows = () => Array.from(document.querySelectorAll('.ui-me__who .ui-row')).map((r) => r.textContent)
  const { rerender } = render(<MeScreen {...base} status='checking' profile={undefined} />)
  expect(screen.getByRole('status')).toHaveTextContent('正在确认登录状态…')
  expect(rows()).toEqual(['手机号…', '身份证号…'])
  expect(screen.queryByRole('button', { name: '登录' })).toBeNull()
  rerender(<MeScreen {...base} />)
  expect(rows()).toEqual(['手机号138****0004', '身份证号4****************4'])
  expect(screen.queryByRole('status')).toBeNull()
  expect(screen.getByText('赵*')).toBeInTheDocument()
})
