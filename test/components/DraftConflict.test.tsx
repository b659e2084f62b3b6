/** @jest-environment jsdom */
// Items of a draft changed on two devices: named as the guide names them, both values side by side (ID
// numbers masked, option labels, file names), one choice per item before anything is replaced. A second draft
// of a bundle: continue the other device's or merge. Where drafts or cases are listed, the way to sign in.
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { CaseListScreen } from '@/components/cases/CaseListScreen'
import { conflictRows } from '@/components/draft-conflict-text'
import { DraftConflict } from '@/components/DraftConflict'
import { DraftDuplicate } from '@/components/DraftDuplicate'
import { DraftsScreen } from '@/components/screens/DraftsScreen'
import type { DraftConflictItem } from '@/domain/draft-merge'
import { template } from './fixtures'

const items: DraftConflictItem[] = [
  { key: 'values.shopName', map: 'values', id: 'shopName', base: '小馆', mine: '手机上的小馆', theirs: '电脑上的小馆' },
  { key: 'values.idNumber', map: 'values', id: 'idNumber', mine: '430104199605121238', theirs: undefined },
  { key: 'answers.menu', map: 'answers', id: 'menu', mine: ['cold', 'drinks'], theirs: [] },
  { key: 'materials.floorPlan', map: 'materials', id: 'floorPlan', mine: { mode: 'upload', fileIds: ['f-1', 'f-2'] }, theirs: { mode: 'defer' } },
  { key: 'delivery.method', map: 'delivery', id: 'method', mine: 'ems', theirs: 'pickup' },
  { key: 'region', id: 'region', mine: '430104', theirs: '430105' },
]

test('each item is named as in the guide, with both values as the journey shows them', () => {
  const rows = conflictRows(items, template, { files: { 'f-1': { name: '布局图.pdf' }, 'f-2': { name: '布局图2.pdf' } }, region: (c) => ({ '430104': '岳麓区', '430105': '开福区' })[c] })
  expect(rows).toEqual([
    { key: 'values.shopName', label: '店铺名称', mine: '手机上的小馆', theirs: '电脑上的小馆' },
    { key: 'values.idNumber', label: '身份证号码', mine: '430104********1238', theirs: '未填写' },
    { key: 'answers.menu', label: '您打算经营哪些品种？', mine: '凉菜、现制饮品', theirs: '都没有' },
    { key: 'materials.floorPlan', label: '平面布局图', mine: '上传 2 个文件：布局图.pdf、布局图2.pdf', theirs: '容缺受理，稍后补交' },
    { key: 'delivery.method', label: '领取方式', mine: '免费邮寄（EMS）', theirs: '窗口自取' },
    { key: 'region', label: '办事地区', mine: '岳麓区', theirs: '开福区' },
  ])
  // without the template (still loading): the ids, never nothing
  expect(conflictRows(items.slice(0, 1), undefined, { files: {} })[0].label).toBe('shopName')
})

test('the citizen chooses one value per item, side by side; confirming with an item left open says so and replaces nothing', async () => {
  const onResolve = jest.fn()
  const rows = conflictRows(items.slice(0, 2), template, { files: {} })
  render(<DraftConflict id='c1' bundleName='开办餐饮店' mineWhen='11月26日 10:03（3 分钟前）' theirsWhen='11月26日 10:04（2 分钟前）' rows={rows} onResolve={onResolve} />)
  const card = screen.getByRole('region', { name: '“开办餐饮店”在两台设备上改得不一样' })
  expect(card).toHaveFocus()
  expect(card).toHaveTextContent('下面 2 项两边填得不同，请逐项选择保留哪一个。本机修改于11月26日 10:03（3 分钟前），另一台设备修改于11月26日 10:04（2 分钟前）。')
  const name = screen.getByRole('radiogroup', { name: '店铺名称' })
  expect(within(name).getAllByRole('radio').map((r) => r.textContent)).toEqual(['本机：手机上的小馆', '另一台设备：电脑上的小馆'])
  await userEvent.click(within(name).getByRole('radio', { name: '本机：手机上的小馆' }))
  await userEvent.click(screen.getByRole('button', { name: '确认并合并' }))
  expect(onResolve).not.toHaveBeenCalled()
  expect(screen.getByRole('alert')).toHaveTextContent('还有 1 项没有选择')
  expect(within(screen.getByRole('radiogroup', { name: '身份证号码' }).parentElement as HTMLElement).getByText('请选择保留哪一个')).toBeTruthy()
  await userEvent.click(screen.getByRole('radio', { name: '另一台设备：未填写' }))
  await userEvent.click(screen.getByRole('button', { name: '确认并合并' }))
  expect(onResolve).toHaveBeenCalledWith({ 'values.shopName': 'mine', 'values.idNumber': 'theirs' })
})

test('a second draft of a bundle: both described, merge or continue the other device’s', async () => {
  const onMerge = jest.fn()
  const onContinueTheirs = jest.fn()
  render(<DraftDuplicate id='d1' bundleName='开办餐饮店' mineText='回答问题，11月26日 10:03 保存（刚刚）' theirsText='填写信息，11月25日 18:00 保存' onMerge={onMerge} onContinueTheirs={onContinueTheirs} />)
  const card = screen.getByRole('region', { name: '您在其他设备上已有一份“开办餐饮店”草稿' })
  expect(card).toHaveFocus()
  expect(card).toHaveTextContent('本机：回答问题，11月26日 10:03 保存（刚刚）')
  expect(card).toHaveTextContent('其他设备：填写信息，11月25日 18:00 保存')
  await userEvent.click(screen.getByRole('button', { name: '合并两份草稿' }))
  await userEvent.click(screen.getByRole('button', { name: '继续其他设备上的草稿' }))
  expect(onMerge).toHaveBeenCalledTimes(1)
  expect(onContinueTheirs).toHaveBeenCalledTimes(1)
})

test('我的草稿 and 我的办件 offer sign-in when signed out, and only then', async () => {
  const onSignIn = jest.fn()
  const { rerender } = render(<DraftsScreen drafts={[]} onResume={jest.fn()} onDelete={jest.fn()} onBack={jest.fn()} signIn={{ onSignIn }} />)
  expect(screen.getByText('登录后，您在其他手机、电脑上保存的草稿也会显示在这里，这里的草稿也会同步过去。')).toBeTruthy()
  await userEvent.click(screen.getByRole('button', { name: '登录' }))
  expect(onSignIn).toHaveBeenCalledTimes(1)
  rerender(<DraftsScreen drafts={[]} onResume={jest.fn()} onDelete={jest.fn()} onBack={jest.fn()} />)
  expect(screen.queryByRole('button', { name: '登录' })).toBeNull()
  rerender(<CaseListScreen cases={[]} error='请先登录' onOpen={jest.fn()} onHome={jest.fn()} signIn={{ onSignIn }} />)
  expect(screen.getByText('登录后，可查看您在各个设备上提交的办件和办理进度。')).toBeTruthy()
  // the list's "please sign in" error is the entry's job, and "none" would not be true
  expect(screen.queryByText('请先登录')).toBeNull()
  expect(screen.queryByText('暂无办件。')).toBeNull()
  await userEvent.click(screen.getByRole('button', { name: '登录' }))
  expect(onSignIn).toHaveBeenCalledTimes(2)
})
