/** @jest-environment jsdom */
// The republished guide: what is dropped and why, matters added or gone, the new summary, what is still
// needed, and one confirm button; in the submit area it replaces 提交申请 until confirmed.
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { SubmitPanel, type SubmitPanelProps } from '@/components/SubmitPanel'
import { TemplateChanges } from '@/components/TemplateChanges'

const changes = {
  bundleName: '开办餐饮店',
  fromVersion: 1,
  toVersion: 2,
  dropped: [
    { kind: 'value', id: 'employee-count', label: '从业人员人数', reason: '表单已不再需要该项' },
    { kind: 'material', id: 'premises-proof', label: '经营场所使用证明', reason: '该材料已不能以“告知承诺”方式提交，请重新选择' },
  ],
  mattersAdded: ['户外招牌设施设置审核'],
  mattersRemoved: [],
  summaryBefore: '需办理 2 个事项，需准备 3 份材料，预计 5 个工作日',
  summaryAfter: '需办理 3 个事项，需准备 4 份材料，预计 5 个工作日',
  needed: ['经营场所使用证明'],
}

test('every dropped item with its reason, the versions, matters added and the new summary; focus moves here', async () => {
  const onConfirm = jest.fn()
  const onCancel = jest.fn()
  render(<TemplateChanges {...changes} confirmLabel='确认变化，继续办理' onConfirm={onConfirm} cancelLabel='暂不继续' onCancel={onCancel} />)
  const region = screen.getByRole('region', { name: '办事指南已更新' })
  expect(region).toHaveFocus()
  expect(region).toHaveTextContent('“开办餐饮店”的办事指南已由第 1 版更新为第 2 版')
  expect(screen.getByText('从业人员人数').nextSibling).toHaveTextContent('表单已不再需要该项')
  expect(screen.getByText('经营场所使用证明').nextSibling).toHaveTextContent('该材料已不能以“告知承诺”方式提交，请重新选择')
  expect(region).toHaveTextContent('新增办理事项：户外招牌设施设置审核')
  expect(region).not.toHaveTextContent('不再需要办理')
  expect(region).toHaveTextContent('更新前：需办理 2 个事项，需准备 3 份材料，预计 5 个工作日；更新后：需办理 3 个事项')
  expect(region).toHaveTextContent('新版还需要您补充：经营场所使用证明。')
  await userEvent.click(screen.getByRole('button', { name: '确认变化，继续办理' }))
  expect(onConfirm).toHaveBeenCalledTimes(1)
  await userEvent.click(screen.getByRole('button', { name: '暂不继续' }))
  expect(onCancel).toHaveBeenCalledTimes(1)
})

test('nothing dropped and nothing needed: said plainly, no summary line when it did not change', () => {
  render(<TemplateChanges {...changes} dropped={[]} mattersAdded={[]} needed={[]} summaryAfter={changes.summaryBefore} confirmLabel='确认' onConfirm={() => undefined} />)
  const region = screen.getByRole('region', { name: '办事指南已更新' })
  expect(region).toHaveTextContent('您已填写的内容全部保留。')
  expect(region).not.toHaveTextContent('更新前')
  expect(region).not.toHaveTextContent('新版还需要您补充')
  expect(screen.queryByRole('button', { name: '暂不继续' })).toBeNull()
})

function panel(over: Partial<SubmitPanelProps> = {}): SubmitPanelProps {
  return { phase: 'changed', faults: [], fixFields: [], onSubmit: jest.fn(), onFault: jest.fn(), onFix: jest.fn(), onConfirmChanges: jest.fn(), ...over }
}

test('in the submit area the changes replace 提交申请; the confirm button says whether it submits', async () => {
  const p = panel({ changes: { ...changes, needed: [], submitsAfter: true } })
  const { rerender } = render(<SubmitPanel {...p} />)
  expect(screen.queryByRole('button', { name: '提交申请' })).toBeNull()
  await userEvent.click(screen.getByRole('button', { name: '确认变化并提交申请' }))
  expect(p.onConfirmChanges).toHaveBeenCalledTimes(1)
  expect(p.onSubmit).not.toHaveBeenCalled()
  rerender(<SubmitPanel {...p} changes={{ ...changes, submitsAfter: false }} />)
  expect(screen.getByRole('button', { name: '确认变化，去补充信息' })).toBeInTheDocument()
  // once confirmed (any other phase) the usual button is back
  rerender(<SubmitPanel {...p} phase='sending' />)
  expect(screen.getByRole('button', { name: '正在提交…' })).toHaveAttribute('aria-busy', 'true')
})
