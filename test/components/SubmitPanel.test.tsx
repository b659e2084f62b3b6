/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { SubmitPanel, type SubmitPanelProps } from '@/components/SubmitPanel'

function props(over: Partial<SubmitPanelProps> = {}): SubmitPanelProps {
  return { phase: 'idle', faults: [], fixFields: [], onSubmit: jest.fn(), onFault: jest.fn(), onFix: jest.fn(), ...over }
}

test('the button names the action and a tap submits', async () => {
  const p = props()
  render(<SubmitPanel {...p} />)
  await userEvent.click(screen.getByRole('button', { name: '提交申请' }))
  expect(p.onSubmit).toHaveBeenCalledTimes(1)
})

test('while sending, the button is busy and further taps do nothing', async () => {
  const p = props({ phase: 'sending' })
  render(<SubmitPanel {...p} />)
  const b = screen.getByRole('button', { name: '正在提交…' })
  expect(b).toHaveAttribute('aria-busy', 'true')
  await userEvent.click(b)
  await userEvent.click(b)
  expect(p.onSubmit).not.toHaveBeenCalled()
})

test('a failure is announced in Chinese and offers a safe retry', async () => {
  const p = props({ phase: 'failed', message: '网络连接不可用，申请尚未提交。再次点击“提交申请”不会重复提交。' })
  render(<SubmitPanel {...p} />)
  expect(screen.getByRole('alert')).toHaveTextContent('网络连接不可用')
  await userEvent.click(screen.getByRole('button', { name: '重新提交申请' }))
  expect(p.onSubmit).toHaveBeenCalledTimes(1)
})

test('a refusal shows the field at fault here, focused, with the platform’s message; other faults link to their step', async () => {
  const p = props({
    phase: 'rejected',
    message: '填写的内容有误',
    fixFields: [{ id: 'area', label: '经营场所面积', value: '0', error: '面积应大于 0' }],
    faults: [
      { id: 'area', message: '面积应大于 0', stepLabel: '填写信息' },
      { id: 'licence', message: '上传的文件不存在或已失效，请重新上传', stepLabel: '准备材料' },
    ],
  })
  render(<SubmitPanel {...p} />)
  const input = screen.getByRole('textbox', { name: /经营场所面积/ })
  expect(input).toHaveFocus()
  expect(input).toHaveAccessibleDescription(/面积应大于 0/)
  await userEvent.type(input, '5')
  expect(p.onFix).toHaveBeenLastCalledWith('area', '05')
  await userEvent.click(screen.getByRole('button', { name: /准备材料：上传的文件不存在/ }))
  expect(p.onFault).toHaveBeenCalledWith('licence')
  expect(screen.queryByRole('button', { name: /填写信息：面积/ })).toBeNull()
  expect(screen.getByText(/^平台未受理：填写的内容有误。其他内容都已保留/)).toBeInTheDocument()
})

test('a platform message that ends with its own full stop is not given a second one', () => {
  render(<SubmitPanel {...props({ phase: 'rejected', message: '经营范围与经营类别不符。', faults: [{ id: 'x', message: '请重新选择', stepLabel: '填写信息' }] })} />)
  expect(screen.getByText(/^平台未受理：经营范围与经营类别不符。其他内容都已保留/)).toBeInTheDocument()
  expect(document.body.textContent).not.toContain('。。')
})

test('an unconfirmed earlier attempt is explained; a stop disables submission', () => {
  const { rerender } = render(<SubmitPanel {...props({ unconfirmed: true })} />)
  expect(screen.getByRole('status')).toHaveTextContent('不会重复提交')
  rerender(<SubmitPanel {...props({ blockedReason: '暂不能提交：不在开通地区' })} />)
  expect(screen.getByRole('button', { name: '提交申请' })).toHaveAttribute('aria-disabled', 'true')
})
