/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { HomeScreen, type HomeScreenProps } from '@/components/screens/HomeScreen'

const bundle = (id: string, name: string, category: string, zones: string[] = []) => ({ id, name, description: `${name}的说明`, category, zones, matterCount: 3, promisedLimitDays: 5, visits: 0 })
const all = [bundle('canyin', '开办餐饮店', '开办经营', ['ftz']), bundle('newborn', '新生儿出生', '出生'), bundle('policy', '稳岗补贴申领', '就业', ['policy'])]

function setupProps(over: Partial<HomeScreenProps> = {}): HomeScreenProps {
  return {
    regionName: '长沙市',
    regionCode: '430100',
    regions: [
      { value: '430100', label: '长沙市' },
      { value: '430200', label: '株洲市' },
    ],
    onRegion: jest.fn(),
    elderMode: false,
    onElderMode: jest.fn(),
    kind: 'person',
    onKind: jest.fn(),
    catalogue: { loading: false, bundles: all },
    onSearch: jest.fn(),
    onClearSearch: jest.fn(),
    onOpen: jest.fn(),
    resume: [],
    onResume: jest.fn(),
    onDrafts: jest.fn(),
    onCases: jest.fn(),
    onGrants: jest.fn(),
    onRetry: jest.fn(),
    ...over,
  }
}

function setup(over: Partial<HomeScreenProps> = {}) {
  const props = setupProps(over)
  render(<HomeScreen {...props} />)
  return props
}

test('search by keyword, open a result', async () => {
  const p = setup({ results: { query: '餐饮', loading: false, bundles: [all[0]] } })
  await userEvent.type(screen.getByRole('textbox', { name: '搜索一件事' }), '开店')
  await userEvent.click(screen.getByRole('button', { name: '搜索' }))
  expect(p.onSearch).toHaveBeenCalledWith('餐饮开店')
  expect(screen.getByRole('heading', { name: '“餐饮”的搜索结果' })).toBeInTheDocument()
  await userEvent.click(screen.getAllByRole('button', { name: '开办餐饮店' })[0])
  expect(p.onOpen).toHaveBeenCalledWith('canyin')
})

test('an empty search says what to try instead', () => {
  setup({ results: { query: '火星', loading: false, bundles: [] } })
  expect(screen.getByText(/没有找到相关的一件事/)).toBeInTheDocument()
})

test('个人/法人, life events, 自贸区专区 and 政策兑现 sections; categories filter the list', async () => {
  const p = setup()
  expect(screen.getByRole('button', { name: '个人办事' })).toHaveAttribute('aria-pressed', 'true')
  await userEvent.click(screen.getByRole('button', { name: '法人办事' }))
  expect(p.onKind).toHaveBeenCalledWith('firm')
  expect(screen.getByRole('heading', { name: '自贸区专区 · 极简审批' })).toBeInTheDocument()
  expect(screen.getByRole('heading', { name: '政策兑现' })).toBeInTheDocument()
  await userEvent.click(screen.getByRole('button', { name: '出生' }))
  expect(screen.getByRole('heading', { level: 2, name: '出生' })).toBeInTheDocument()
  expect(screen.getAllByRole('button', { name: '新生儿出生' })).toHaveLength(1)
})

test('the region can be changed at any time; 长辈版 is a switch', async () => {
  const p = setup()
  expect(screen.getByText('当前地区：长沙市')).toBeInTheDocument()
  await userEvent.click(screen.getByRole('button', { name: '切换地区' }))
  await userEvent.click(screen.getByRole('radio', { name: '株洲市' }))
  expect(p.onRegion).toHaveBeenCalledWith('430200')
  const sw = screen.getByRole('switch', { name: /长辈版/ })
  expect(sw).toHaveAttribute('aria-checked', 'false')
  sw.focus()
  await userEvent.keyboard('{Enter}')
  expect(p.onElderMode).toHaveBeenCalledWith(true)
})

test('drafts to resume and the entries to 我的草稿 / 我的办件', async () => {
  const p = setup({ resume: [{ id: 'd1', bundleName: '开办餐饮店', stepLabel: '填写信息', updatedText: '11月26日 10:00' }] })
  expect(screen.getByText('上次到：填写信息 · 11月26日 10:00')).toBeInTheDocument()
  await userEvent.click(screen.getByRole('button', { name: '开办餐饮店' , description: /上次到/ }))
  expect(p.onResume).toHaveBeenCalledWith('d1')
  await userEvent.click(screen.getByRole('button', { name: '我的草稿' }))
  await userEvent.click(screen.getByRole('button', { name: '我的办件' }))
  expect(p.onDrafts).toHaveBeenCalled()
  expect(p.onCases).toHaveBeenCalled()
})

test('a failed catalogue says so in Chinese and offers a retry', async () => {
  const p = setup({ catalogue: { loading: false, error: '网络连接不可用，请检查网络后重试', bundles: [] } })
  expect(screen.getByText(/网络连接不可用/)).toBeInTheDocument()
  await userEvent.click(screen.getByRole('button', { name: '重新加载' }))
  expect(p.onRetry).toHaveBeenCalled()
})

test('the first load keeps the place of the life-event chips (hidden from screen readers) and says it is loading', () => {
  const { container } = render(<HomeScreen {...setupProps({ catalogue: { loading: true, bundles: [] } })} />)
  expect(container.querySelector('.ui-chips--pending')).not.toBeNull()
  expect(screen.queryByRole('heading', { name: '按生活事件' })).toBeNull()
  expect(screen.getByRole('status')).toHaveTextContent('正在加载…')
})

test('opening the region list asks for the regions and says so until they come', async () => {
  const onRegionsWanted = jest.fn()
  render(<HomeScreen {...setupProps({ regions: [], onRegionsWanted })} />)
  await userEvent.click(screen.getByRole('button', { name: '切换地区' }))
  expect(onRegionsWanted).toHaveBeenCalledTimes(1)
  expect(screen.getByRole('status')).toHaveTextContent('正在加载地区…')
})

test('the greeting has its own line, kept while a saved sign-in is checked', () => {
  const { container, rerender } = render(<HomeScreen {...setupProps({ greetingPending: true })} />)
  expect(container.querySelector('.ui-home__greeting')).toHaveTextContent('')
  rerender(<HomeScreen {...setupProps({ userName: '刘洋' })} />)
  expect(container.querySelector('.ui-home__greeting')).toHaveTextContent('刘洋，您好。')
})
