/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { DraftsScreen } from '@/components/screens/DraftsScreen'
import { ReviewScreen } from '@/components/screens/ReviewScreen'
import { summaryText } from '@/stores/journey'
import { ANSWERED, PREFILL, guidanceFor } from './helpers'

test('check answers restates every answer, field and material, masks the ID, and links back to each step', async () => {
  const g = guidanceFor(
    { answers: ANSWERED, values: { shopName: '湘味小馆' }, materials: { lease: { mode: 'promise', agreedAt: '2026-11-26T02:00:00Z' }, floorPlan: { mode: 'upload', fileIds: ['f1'] } } },
    {},
    PREFILL,
  )
  const onChange = jest.fn()
  render(<ReviewScreen bundleName='开办测试小店' guidance={g} summary={summaryText(g.summary)} dueText='2027年1月7日（周四）前办结，预计（2027 年放假安排尚未公布）' delivery={{ method: 'ems', text: '张三 麓山南路' }} handling='online' fileNames={{ floorPlan: ['平面图.pdf'] }} onChange={onChange} onBack={() => undefined} />)
  expect(screen.getByText('是否销售卷烟？').nextSibling).toHaveTextContent('是')
  expect(screen.getByText('经营场所面积有多大？').nextSibling).toHaveTextContent('500平方米')
  expect(screen.getByText('店铺名称').nextSibling).toHaveTextContent('湘味小馆')
  expect(screen.getByText('电子邮箱').nextSibling).toHaveTextContent('未填写')
  expect(screen.getByText('身份证号码').nextSibling).toHaveTextContent('430102********1234')
  expect(screen.getByText('租赁合同').nextSibling).toHaveTextContent('告知承诺')
  expect(screen.getByText('平面布局图').nextSibling).toHaveTextContent('已上传：平面图.pdf')
  expect(screen.getByText(/全程网办；免费邮寄（EMS）：张三 麓山南路/)).toBeInTheDocument()
  expect(screen.getByText(/；2027年1月7日（周四）前办结，预计（2027 年放假安排尚未公布）$/)).toBeInTheDocument()
  await userEvent.click(screen.getByRole('button', { name: '修改：经营场所面积有多大？' }))
  expect(onChange).toHaveBeenCalledWith('questions', 'area')
})

test('我的草稿 lists drafts with the last step; resume and delete are separate buttons', async () => {
  const onResume = jest.fn()
  const onDelete = jest.fn()
  render(<DraftsScreen drafts={[{ id: 'd1', bundleName: '开办餐饮店', stepLabel: '准备材料', updatedText: '今天' }]} onResume={onResume} onDelete={onDelete} onBack={() => undefined} />)
  expect(screen.getByText('上次到：准备材料 · 今天')).toBeInTheDocument()
  await userEvent.click(screen.getByRole('button', { name: '继续办理开办餐饮店' }))
  expect(onResume).toHaveBeenCalledWith('d1')
  // deleting asks on the card first (no pop-up); 不删除 keeps the draft
  await userEvent.click(screen.getByRole('button', { name: '删除开办餐饮店的草稿' }))
  expect(screen.getByText('删除后，已填写的内容将无法恢复。确定删除“开办餐饮店”的草稿吗？')).toBeInTheDocument()
  await userEvent.click(screen.getByRole('button', { name: '不删除' }))
  expect(onDelete).not.toHaveBeenCalled()
  await userEvent.click(screen.getByRole('button', { name: '删除开办餐饮店的草稿' }))
  await userEvent.click(screen.getByRole('button', { name: '确定删除' }))
  expect(onDelete).toHaveBeenCalledWith('d1')
})
