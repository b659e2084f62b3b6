/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { bundleBadges } from '@/components/BundleCard'
import { RegionPicker } from '@/components/RegionPicker'
import { suggest } from '@/components/SearchBox'
import { ElderHomeScreen, type ElderHomeScreenProps } from '@/components/screens/ElderHomeScreen'
import { HomeScreen, type HomeScreenProps } from '@/components/screens/HomeScreen'

const bundle = (id: string, name: string, category: string, zones: string[] = [], keywords: string[] = []) => ({ id, name, description: `${name}的说明`, category, zones, keywords, matterCount: 3, promisedLimitDays: 5, visits: 0 })
const all = [bundle('canyin', '开办餐饮店', '开办经营', ['ftz'], ['饭店', '奶茶店']), bundle('newborn', '新生儿出生', '出生', [], ['上户口']), bundle('policy', '稳岗补贴申领', '就业', ['policy'])]

function setupProps(over: Partial<HomeScreenProps> = {}): HomeScreenProps {
  return {
    regionName: '长沙市',
    regionCode: '430100',
    regions: [
      { value: '430100', label: '长沙市' },
      { value: '430200', label: '株洲市' },
    ],
    onRegion: jest.fn(),
    RegionList: RegionPicker,
    elderMode: false,
    onElderMode: jest.fn(),
    kind: 'person',
    onKind: jest.fn(),
    catalogue: { loading: false, bundles: all },
    events: [
      { name: '出生', icon: 'birth' },
      { name: '开办经营', icon: 'shop' },
    ],
    onSearch: jest.fn(),
    onClearSearch: jest.fn(),
    onOpen: jest.fn(),
    resume: [],
    onResume: jest.fn(),
    onDrafts: jest.fn(),
    onRetry: jest.fn(),
    onSignIn: jest.fn(),
    ...over,
  }
}

function setup(over: Partial<HomeScreenProps> = {}) {
  const props = setupProps(over)
  render(<HomeScreen {...props} />)
  return props
}

test('search: the button sits with the field; the results show with a way to clear them', async () => {
  const p = setup({ results: { query: '餐饮', loading: false, bundles: [all[0]] } })
  await userEvent.type(screen.getByRole('combobox', { name: '搜索一件事' }), '开店')
  await userEvent.click(screen.getByRole('button', { name: '搜索' }))
  expect(p.onSearch).toHaveBeenCalledWith('餐饮开店')
  expect(screen.getByRole('heading', { name: '“餐饮”的搜索结果' })).toBeInTheDocument()
  await userEvent.click(screen.getAllByRole('button', { name: '开办餐饮店' })[0])
  expect(p.onOpen).toHaveBeenCalledWith('canyin')
  await userEvent.click(screen.getByRole('button', { name: '清除搜索' }))
  expect(p.onClearSearch).toHaveBeenCalled()
})

test('suggestions appear as the citizen types (by name or keyword); arrows and Enter open one, Escape closes them', async () => {
  const p = setup()
  const box = screen.getByRole('combobox', { name: '搜索一件事' })
  expect(box).toHaveAttribute('aria-expanded', 'false')
  await userEvent.type(box, '奶茶')
  expect(box).toHaveAttribute('aria-expanded', 'true')
  const list = screen.getByRole('listbox', { name: '搜索建议' })
  expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['开办餐饮店'])
  await userEvent.keyboard('{ArrowDown}')
  expect(box).toHaveAttribute('aria-activedescendant', within(list).getByRole('option').id)
  await userEvent.keyboard('{Enter}')
  expect(p.onOpen).toHaveBeenCalledWith('canyin')
  await userEvent.keyboard('{Escape}')
  expect(screen.queryByRole('listbox')).toBeNull()
  expect(p.onSearch).not.toHaveBeenCalled()
})

test('suggest: names first, then keywords, spaces and case ignored, at most five', () => {
  const many = Array.from({ length: 8 }, (_, i) => bundle(`b${i}`, `开办店铺${i}`, '开办经营'))
  expect(suggest(all, ' 出 生 ')).toEqual([{ id: 'newborn', name: '新生儿出生' }])
  expect(suggest(all, '户口')).toEqual([{ id: 'newborn', name: '新生儿出生' }])
  expect(suggest(many, '开办')).toHaveLength(5)
  expect(suggest(all, '')).toEqual([])
})

test('hot bundles are cards with badges in words: matters, working days, visits', () => {
  setup()
  expect(bundleBadges({ matterCount: 7, promisedLimitDays: 10, visits: 0 })).toEqual(['7 个事项', '10 个工作日', '零跑动'])
  expect(bundleBadges({ matterCount: 2, promisedLimitDays: 0, visits: 1 })).toEqual(['2 个事项', '即办', '跑 1 次'])
  const card = screen.getAllByRole('button', { name: '新生儿出生' })[0]
  expect(card).toHaveAccessibleDescription(/^3 个事项\s*，\s*5 个工作日\s*，\s*零跑动$/)
})

test('life events are an icon grid; choosing one shows its bundles right below it, pressed state said', async () => {
  const p = setup()
  expect(screen.getByRole('button', { name: '个人办事' })).toHaveAttribute('aria-pressed', 'true')
  await userEvent.click(screen.getByRole('button', { name: '法人办事' }))
  expect(p.onKind).toHaveBeenCalledWith('firm')
  const grid = screen.getByRole('list', { name: '生活事件' })
  // a category without an icon from the platform still gets a tile (就业)
  expect(within(grid).getAllByRole('button').map((b) => b.textContent)).toEqual(['出生', '开办经营', '就业'])
  await userEvent.click(within(grid).getByRole('button', { name: '出生' }))
  expect(within(grid).getByRole('button', { name: '出生' })).toHaveAttribute('aria-pressed', 'true')
  expect(screen.getByRole('heading', { level: 2, name: '出生（1 件）' })).toBeInTheDocument()
  expect(screen.getByRole('heading', { name: '自贸区专区 · 极简审批' })).toBeInTheDocument()
  expect(screen.getByRole('heading', { name: '政策兑现' })).toBeInTheDocument()
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

test('继续办理 and unread messages come first; 登录 is offered to a signed-out visitor', async () => {
  const p = setup({ resume: [{ id: 'd1', bundleName: '开办餐饮店', stepLabel: '填写信息', updatedText: '11月26日 10:00保存' }, { id: 'd2', bundleName: '新生儿出生', stepLabel: '准备材料', updatedText: '刚刚保存' }], unread: 2, onMessages: jest.fn() })
  expect(screen.getByText('上次到：填写信息 · 11月26日 10:00保存')).toBeInTheDocument()
  await userEvent.click(screen.getByRole('button', { name: '开办餐饮店', description: /上次到/ }))
  expect(p.onResume).toHaveBeenCalledWith('d1')
  await userEvent.click(screen.getByRole('button', { name: '全部草稿（2 份）' }))
  expect(p.onDrafts).toHaveBeenCalled()
  await userEvent.click(screen.getByRole('button', { name: '您有 2 条未读消息' }))
  expect(p.onMessages).toHaveBeenCalled()
  const order = Array.from(document.querySelectorAll('[role=heading],[role=button]')).map((e) => e.textContent)
  expect(order.indexOf('继续办理')).toBeLessThan(order.indexOf('按生活事件'))
  await userEvent.click(screen.getByRole('button', { name: '登录' }))
  expect(p.onSignIn).toHaveBeenCalled()
})

test('a signed-in citizen always has the 消息 row; the count changes its words in place; a visitor has none', () => {
  const onMessages = jest.fn()
  const { rerender } = render(<HomeScreen {...setupProps({ unread: 0, onMessages })} />)
  const row = screen.getByRole('button', { name: '我的消息' })
  rerender(<HomeScreen {...setupProps({ unread: 3, onMessages })} />)
  // the same element: nothing below it moved when the count arrived
  expect(screen.getByRole('button', { name: '您有 3 条未读消息' })).toBe(row)
  rerender(<HomeScreen {...setupProps({ unread: undefined, onMessages })} />)
  expect(screen.queryByRole('button', { name: /消息/ })).toBeNull()
})

test('a failed catalogue says so in Chinese and offers a retry', async () => {
  const p = setup({ catalogue: { loading: false, error: '网络连接不可用，请检查网络后重试', bundles: [] } })
  expect(screen.getByText(/网络连接不可用/)).toBeInTheDocument()
  await userEvent.click(screen.getByRole('button', { name: '重新加载' }))
  expect(p.onRetry).toHaveBeenCalled()
})

test('the first load keeps the place of the life-event grid (hidden from screen readers) and says it is loading', () => {
  const { container } = render(<HomeScreen {...setupProps({ catalogue: { loading: true, bundles: [] } })} />)
  expect(container.querySelector('.ui-grid--pending')).not.toBeNull()
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
  expect(screen.queryByRole('button', { name: '登录' })).toBeNull()
  rerender(<HomeScreen {...setupProps({ userName: '刘洋' })} />)
  expect(container.querySelector('.ui-home__greeting')).toHaveTextContent('刘洋，您好。')
})

function elderProps(over: Partial<ElderHomeScreenProps> = {}): ElderHomeScreenProps {
  return {
    regionName: '长沙市',
    tiles: [
      { label: '退休', icon: 'retire' },
      { label: '身后事', icon: 'farewell' },
      { label: '社保/医保', icon: 'insurance' },
      { label: '高龄津贴', icon: 'allowance' },
    ],
    onTile: jest.fn(),
    all,
    onSearch: jest.fn(),
    onClearSearch: jest.fn(),
    onOpen: jest.fn(),
    resume: [],
    onResume: jest.fn(),
    onDrafts: jest.fn(),
    onFamily: jest.fn(),
    hotline: '12345',
    onCall: jest.fn(),
    onElderMode: jest.fn(),
    ...over,
  }
}

test('长辈版 home: four large tiles, 请家人帮我办, one-tap 12345, and the way back to 标准版', async () => {
  const p = elderProps()
  render(<ElderHomeScreen {...p} />)
  const tiles = screen.getByRole('list', { name: '常办的事' })
  expect(within(tiles).getAllByRole('button').map((b) => b.textContent)).toEqual(['退休', '身后事', '社保/医保', '高龄津贴'])
  await userEvent.click(within(tiles).getByRole('button', { name: '退休' }))
  expect(p.onTile).toHaveBeenCalledWith(0)
  await userEvent.click(screen.getByRole('button', { name: '请家人帮我办' }))
  expect(p.onFamily).toHaveBeenCalled()
  await userEvent.click(screen.getByRole('button', { name: '拨打 12345 问一问' }))
  expect(p.onCall).toHaveBeenCalledWith('12345')
  // no 个人/法人, no region list, no life-event grid: fewer things to choose from
  expect(screen.queryByRole('button', { name: '法人办事' })).toBeNull()
  expect(screen.queryByRole('list', { name: '生活事件' })).toBeNull()
  await userEvent.click(screen.getByRole('switch', { name: /长辈版/ }))
  expect(p.onElderMode).toHaveBeenCalledWith(false)
})

test('长辈版 home: a tile\'s bundles are shown right under the tiles, and a tile with none says what to do instead', () => {
  const { rerender } = render(<ElderHomeScreen {...elderProps({ tile: { index: 0, loading: false, bundles: [bundle('tuixiu', '退休一件事', '退休')] } })} />)
  const headings = screen.getAllByRole('heading').map((h) => h.textContent)
  expect(headings.indexOf('退休')).toBeGreaterThan(-1)
  expect(screen.getByRole('list', { name: '常办的事' }).compareDocumentPosition(screen.getByRole('heading', { name: '退休' })) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  expect(screen.getByRole('button', { name: '退休一件事' })).toBeInTheDocument()
  rerender(<ElderHomeScreen {...elderProps({ tile: { index: 3, loading: false, bundles: [] } })} />)
  expect(screen.getByText(/暂时不能在网上办。可以拨打 12345/)).toBeInTheDocument()
})

test('长辈版 home: a tile’s note (catalogue data) says plainly above its results what they are and where to turn (高龄津贴: applying is not online here)', () => {
  const note = '申请高龄津贴（老年补贴）暂时不能在这里办理。怎么申请、到哪里申请，请拨打 12345 问清楚，或请家人帮您办。下面列出的，是亲人去世后停发高龄津贴要办的事。'
  const tiles = elderProps().tiles.map((t) => (t.label === '高龄津贴' ? { ...t, note } : t))
  render(<ElderHomeScreen {...elderProps({ tiles, tile: { index: 3, loading: false, bundles: [bundle('shenhoushi', '公民身后事一件事', '身后事')] } })} />)
  const line = screen.getByText(note)
  // the line comes before the bundle it explains
  expect(line.compareDocumentPosition(screen.getByRole('button', { name: '公民身后事一件事' })) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
})
