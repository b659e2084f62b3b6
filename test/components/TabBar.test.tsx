/** @jest-environment jsdom */
// H5's tab bar: four links in a navigation landmark, the current one marked for screen readers, an unread count
// said in words after the visible name, Enter opens a tab.
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { TabBar } from '@/components/TabBar'
import { TABS } from '@/stores/routes'

test('the tabs in order, the current one marked, the unread count said in words, by tap and by Enter', async () => {
  const onSelect = jest.fn()
  render(<TabBar tabs={TABS.map((t) => ({ ...t, badge: t.name === 'messages' ? 3 : undefined }))} current='me' onSelect={onSelect} />)
  const bar = screen.getByRole('navigation', { name: '主菜单' })
  const links = within(bar).getAllByRole('link')
  expect(links.map((l) => l.textContent)).toEqual(['首页', '办件', '3消息', '我的'])
  expect(within(bar).getByRole('link', { name: '我的' })).toHaveAttribute('aria-current', 'page')
  expect(within(bar).getByRole('link', { name: '首页' })).not.toHaveAttribute('aria-current')
  expect(within(bar).getByRole('link', { name: '消息' })).toHaveAccessibleDescription('3 条未读')
  expect(within(bar).getByRole('link', { name: '我的' })).not.toHaveAttribute('aria-describedby')
  await userEvent.click(within(bar).getByRole('link', { name: '消息' }))
  expect(onSelect).toHaveBeenLastCalledWith('messages')
  within(bar).getByRole('link', { name: '办件' }).focus()
  await userEvent.keyboard('{Enter}')
  expect(onSelect).toHaveBeenLastCalledWith('cases')
})
