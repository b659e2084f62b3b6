/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { GuideScreen } from '@/components/screens/GuideScreen'
import { template } from './fixtures'

const NAMES = { idCard: { name: '居民身份证' }, foodLicence: { name: '食品经营许可证' } }

test('tells everything once: matters with departments, committed vs legal time, visits, fees, materials, delivery', async () => {
  const onStart = jest.fn()
  render(<GuideScreen template={template} region='430200' regionName='株洲市' params={{ fireArea: 300 }} licenceNames={NAMES} legalDays={20} resumable={false} onStart={onStart} onBack={() => undefined} />)
  expect(screen.getByRole('heading', { level: 1, name: '开办测试小店' })).toBeInTheDocument()
  expect(screen.getByText('承诺办结').nextSibling).toHaveTextContent('5 个工作日')
  expect(screen.getByText('法定时限').nextSibling).toHaveTextContent('20 个工作日')
  expect(screen.getByText('到现场次数').nextSibling).toHaveTextContent('0 次（全程网办）')
  expect(screen.getByText('收费').nextSibling).toHaveTextContent('不收费')
  expect(screen.getByRole('heading', { name: '包含的事项（3 项）' })).toBeInTheDocument()
  const tobacco = screen.getByRole('heading', { level: 3, name: '烟草专卖零售许可' }).parentElement as HTMLElement
  expect(tobacco).toHaveTextContent('烟草专卖局')
  expect(tobacco).toHaveTextContent('视情况办理')
  expect(screen.getByText('可用电子居民身份证')).toBeInTheDocument()
  // the materials' tags in plain words, not the reform's jargon (告知承诺, 容缺)
  expect(screen.getAllByText('可以签承诺书代替')).toHaveLength(1)
  expect(screen.getAllByText('可以先办，之后补交')).toHaveLength(1)
  expect(screen.queryByText(/可告知承诺|可容缺后补/)).toBeNull()
  expect(screen.getByText('免费邮寄（EMS）')).toBeInTheDocument()

  // the full 办事指南 on demand, with the region's 实施机关
  const food = screen.getByRole('heading', { level: 3, name: '食品经营许可' }).parentElement as HTMLElement
  const toggle = within(food).getByRole('button', { name: '查看完整办事指南' })
  expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await userEvent.click(toggle)
  expect(within(food).getByRole('button', { name: '收起办事指南' })).toHaveAttribute('aria-expanded', 'true')
  expect(food).toHaveTextContent('株洲市市场监督管理局')
  expect(food).toHaveTextContent('《中华人民共和国食品安全法》第三十五条')
  expect(food).toHaveTextContent('监督投诉电话12345')

  await userEvent.click(screen.getByRole('button', { name: '开始办理' }))
  expect(onStart).toHaveBeenCalled()
})

test('with a draft the button resumes', () => {
  render(<GuideScreen template={template} region='430100' regionName='长沙市' params={{ fireArea: 300 }} licenceNames={NAMES} legalDays={20} resumable onStart={() => undefined} onBack={() => undefined} />)
  expect(screen.getByRole('button', { name: '继续办理' })).toBeInTheDocument()
})

test('a bereavement bundle speaks to the family first; others do not', () => {
  const { unmount } = render(<GuideScreen template={{ ...template, category: '身后事' }} region='430200' regionName='株洲市' params={{}} licenceNames={NAMES} legalDays={20} resumable={false} onStart={() => undefined} onBack={() => undefined} />)
  expect(screen.getByText(/^对您亲人的离世，我们深表哀悼。/)).toBeInTheDocument()
  unmount()
  render(<GuideScreen template={template} region='430200' regionName='株洲市' params={{}} licenceNames={NAMES} legalDays={20} resumable={false} onStart={() => undefined} onBack={() => undefined} />)
  expect(screen.queryByText(/深表哀悼/)).toBeNull()
})

test('samples are marked 示例 where they are shown, and the guide says what that means; sourced facts are not', async () => {
  render(<GuideScreen template={template} region='430100' regionName='长沙市' params={{ fireArea: 300 }} licenceNames={NAMES} legalDays={20} resumable={false} onStart={() => undefined} onBack={() => undefined} />)
  const food = screen.getByRole('heading', { level: 3, name: '食品经营许可' }).parentElement as HTMLElement
  await userEvent.click(within(food).getByRole('button', { name: '查看完整办事指南' }))
  // the fixture's matter code is sourced, its phone numbers are samples
  expect(within(food).getByText('事项基本编码').nextSibling).not.toHaveTextContent('示例')
  expect(within(food).getByText('咨询电话').nextSibling).toHaveTextContent('0731-12345示例')
  expect(screen.getByText(/标“示例”的事项编码、电话、金额和标准是本演示平台的示例数据/)).toBeInTheDocument()
})
