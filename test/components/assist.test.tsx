/** @jest-environment jsdom */
// The citizen's 授权与查看记录 and the window's console, as screens: what each shows and what each control sends.
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { AuditEntry, GrantView } from '@/domain/assist'
import { GrantsScreen, type GrantsScreenProps } from '@/components/grants/GrantsScreen'
import { StaffConsole, type StaffConsoleProps } from '@/components/staff/StaffConsole'

const NOW = '2026-11-26T02:10:00.000Z'
const waiting: GrantView = {
  id: 'g-1',
  grantee: 'staff',
  via: 'app',
  scope: { kind: 'bundle', bundleId: 'kaiban-canyin' },
  scopeLabel: '开办餐饮店',
  state: 'waiting',
  createdAt: '2026-11-26T02:00:00.000Z',
  expiresAt: '2026-11-26T02:30:00.000Z',
  promiseAuthorised: false,
  hallId: 'hall-430103',
  hallName: '长沙市天心区政务服务中心',
  code: '12345678',
  qrText: 'HNYJS:GRANT:12345678',
}
const row: AuditEntry = {
  id: 'a-1',
  at: '2026-11-26T02:05:00.000Z',
  action: 'read',
  basis: 'grant',
  what: '查看实名信息和电子证照目录',
  purpose: '窗口代办“开办餐饮店”',
  actorName: '周敏',
  actorRole: 'staff',
  hallName: '长沙市天心区政务服务中心',
  window: '5号窗口',
}

function grants(over: Partial<GrantsScreenProps> = {}) {
  const props: GrantsScreenProps = {
    now: NOW,
    loading: false,
    fieldErrors: {},
    busy: false,
    bundles: [{ id: 'kaiban-canyin', name: '开办餐饮店' }],
    halls: [{ id: 'hall-430103', name: '长沙市天心区政务服务中心', address: '示例地址' }],
    grants: [waiting],
    received: [],
    audit: [row],
    onActFor: jest.fn(),
    onFollow: jest.fn(),
    onWindowGrant: jest.fn(),
    onRelativeGrant: jest.fn(),
    onRevoke: jest.fn(),
    onRefresh: jest.fn(),
    onBack: jest.fn(),
    ...over,
  }
  render(<GrantsScreen {...props} />)
  return props
}

test('a waiting code is shown grouped with its QR and time left; revoking sends the grant', async () => {
  const p = grants()
  expect(screen.getByText('1234 5678')).toBeTruthy()
  expect(screen.getByText(/还剩 20 分钟，只能使用一次/)).toBeTruthy()
  await userEvent.click(screen.getByRole('button', { name: '撤销授权：开办餐饮店' }))
  expect(p.onRevoke).toHaveBeenCalledWith(waiting)
})

test('亲情帮办 received: the elder (masked) and the bundle; filing starts under the grant; once filed, the case is followed instead', async () => {
  const fromElder: GrantView = { ...waiting, id: 'g-family', grantee: 'relative', via: 'app', state: 'active', code: undefined, qrText: undefined, citizen: { name: '王*明', idNumber: '430103********2114' } }
  const p = grants({ received: [fromElder, { ...fromElder, id: 'g-filed', caseId: 'HN2026112600001' }] })
  expect(screen.getAllByText(/授权您帮办“开办餐饮店”/)).toHaveLength(2)
  await userEvent.click(screen.getByRole('button', { name: '为王*明帮办开办餐饮店' }))
  expect(p.onActFor).toHaveBeenCalledWith(fromElder)
  await userEvent.click(screen.getByRole('button', { name: '查看办理进度：王*明的办件 HN2026112600001' }))
  expect(p.onFollow).toHaveBeenCalledWith(expect.objectContaining({ id: 'g-filed' }))
  expect(document.body.textContent).not.toContain('430103195801012114')
})

test('亲情帮办 registered at the window: the relative is told which hall registered it on which paper', () => {
  const stamp = { staffName: '周敏', hallName: '长沙市天心区政务服务中心', window: '5号窗口' }
  const atWindow: GrantView = { ...waiting, id: 'g-window', grantee: 'relative', state: 'active', code: undefined, qrText: undefined, citizen: { name: '王*明', idNumber: '430103********2114' }, proof: { kind: 'relative', fileId: 'f-1', registeredBy: stamp } }
  grants({ received: [atWindow] })
  expect(screen.getByText(/长沙市天心区政务服务中心窗口凭户口簿登记/)).toBeInTheDocument()
})

test('谁查看了我的信息: who, where, what and on what basis', () => {
  grants()
  expect(screen.getByText(/长沙市天心区政务服务中心 5号窗口 周敏（窗口工作人员）/)).toBeTruthy()
  expect(screen.getByText('查看：查看实名信息和电子证照目录')).toBeTruthy()
  expect(screen.getByText('依据您的授权：窗口代办“开办餐饮店”')).toBeTruthy()
})

test('a window grant sends the choices; the platform’s words stand at the fields', async () => {
  const p = grants({ fieldErrors: { hallId: '请选择为您办理的服务大厅' }, grants: [] })
  expect(screen.getByText('请选择为您办理的服务大厅')).toBeTruthy()
  await userEvent.click(screen.getAllByRole('radio', { name: '开办餐饮店' })[0])
  await userEvent.click(screen.getByRole('radio', { name: /长沙市天心区政务服务中心/ }))
  await userEvent.click(screen.getByRole('radio', { name: '60 分钟' }))
  await userEvent.click(screen.getByRole('button', { name: '生成授权码' }))
  // 告知承诺 by the window only when the citizen ticks the written authorisation
  expect(p.onWindowGrant).toHaveBeenLastCalledWith({ bundleId: 'kaiban-canyin', hallId: 'hall-430103', minutes: 60, promiseAuthorised: false })
  await userEvent.click(screen.getByRole('checkbox', { name: /书面授权窗口工作人员以我的名义作出告知承诺/ }))
  await userEvent.click(screen.getByRole('button', { name: '生成授权码' }))
  expect(p.onWindowGrant).toHaveBeenLastCalledWith({ bundleId: 'kaiban-canyin', hallId: 'hall-430103', minutes: 60, promiseAuthorised: true })
  await userEvent.click(screen.getByRole('button', { name: '授权亲属代办' }))
  expect(p.onRelativeGrant).toHaveBeenLastCalledWith(expect.objectContaining({ promiseAuthorised: false }))
})

test('grants registered at the window on paper say so in 我的授权: the 户口簿 for a relative, the proxy by name for a 授权委托书', () => {
  const stamp = { staffName: '周敏', hallName: '长沙市天心区政务服务中心', window: '5号窗口' }
  const family: GrantView = { ...waiting, id: 'g-hukou', grantee: 'relative', state: 'active', code: undefined, qrText: undefined, relative: { name: '刘*', mobile: '138****0001', relation: '子女' }, proof: { kind: 'relative', fileId: 'f-1', registeredBy: stamp } }
  const proxy: GrantView = { ...waiting, id: 'g-letter', state: 'active', code: undefined, qrText: undefined, proxy: { name: '李四', idNumber: '430104********1238' }, proof: { kind: 'proxy', fileId: 'f-2', registeredBy: stamp } }
  grants({ grants: [family, proxy] })
  expect(screen.getByText(/亲属 刘\*（子女，138\*{4}0001） · 长沙市天心区政务服务中心窗口凭户口簿登记/)).toBeTruthy()
  expect(screen.getByText(/长沙市天心区政务服务中心窗口工作人员（代理人 李四） · 长沙市天心区政务服务中心窗口凭授权委托书登记/)).toBeTruthy()
})

function console_(over: Partial<StaffConsoleProps> = {}) {
  const props: StaffConsoleProps = {
    now: NOW,
    signedIn: true,
    busy: false,
    fieldErrors: {},
    staffName: '周敏',
    hall: { name: '长沙市天心区政务服务中心', window: '5号窗口' },
    queue: [],
    deciding: [],
    onDecide: jest.fn(),
    grants: [],
    bundles: [],
    canScan: false,
    onLogin: jest.fn(),
    onLogout: jest.fn(),
    onOpen: jest.fn(),
    onScan: jest.fn(),
    onRequestSms: jest.fn(),
    onUse: jest.fn(),
    onClose: jest.fn(),
    onFile: jest.fn(),
    onOpenCase: jest.fn(),
    caseActions: { onAccept: jest.fn(), onReject: jest.fn(), onSupplement: jest.fn(), onPrint: jest.fn(), onClose: jest.fn() },
    onRefresh: jest.fn(),
    ...over,
  }
  render(<StaffConsole {...props} />)
  return props
}

test('the console by keyboard: what a USB scanner types and Enter opens it', async () => {
  const p = console_()
  const box = screen.getByRole('textbox', { name: '授权码、短信授权码、预约号或办件编号' })
  await userEvent.type(box, 'HNYJS:GRANT:12345678')
  // (user-event's Enter carries no keyCode; browsers and USB scanners send 13)
  fireEvent.keyDown(box, { key: 'Enter', keyCode: 13 })
  expect(p.onOpen).toHaveBeenCalledWith('HNYJS:GRANT:12345678')
  expect(screen.queryByRole('button', { name: '扫一扫' })).toBeNull()
})

test('the opened citizen is shown masked, never the whole ID number', () => {
  console_({ subject: { grant: { ...waiting, state: 'active', code: undefined }, profile: { name: '王德明', idNumber: '430103195801012114' }, licences: [{ kind: 'idCard', title: '居民身份证', number: '4301**********2114' }] } })
  expect(screen.getByText('正在为 王*明 代办：开办餐饮店')).toBeTruthy()
  expect(screen.getByText(/身份证 430103\*{8}2114/)).toBeTruthy()
  expect(document.body.textContent).not.toContain('430103195801012114')
})

test('signed out: the sign-in form; Enter in the password signs in', async () => {
  const p = console_({ signedIn: false })
  await userEvent.type(screen.getByRole('textbox', { name: '工作账号' }), 'staff02')
  const password = screen.getByLabelText('密码')
  await userEvent.type(password, 'pw')
  fireEvent.keyDown(password, { key: 'Enter', keyCode: 13 })
  expect(p.onLogin).toHaveBeenCalledWith('staff02', 'pw')
})

test('the hall’s 在线咨询 tally in the side column: the count, overdue in words, 去答复 only when some wait', () => {
  console_({ consultTally: { open: 3, overdue: 1 } })
  const card = screen.getByLabelText('在线咨询待答复')
  expect(card).toHaveTextContent('在线咨询待答复 3 条，其中 1 条已超期')
  expect(screen.getByRole('button', { name: '去答复' })).toBeInTheDocument()
})

test('no tally yet: no card; none waiting: the count without 去答复', () => {
  console_()
  expect(screen.queryByLabelText('在线咨询待答复')).toBeNull()
  cleanup()
  console_({ consultTally: { open: 0, overdue: 0 } })
  expect(screen.getByLabelText('在线咨询待答复')).toHaveTextContent('在线咨询待答复 0 条')
  expect(screen.queryByRole('button', { name: '去答复' })).toBeNull()
})
