/** @jest-environment jsdom */
// 窗口登记授权: the console's form for an elder without a phone (户口簿) or a proxy (授权委托书): ID numbers masked
// as typed and echoed masked, the paper's upload asked for by kind, the rulebook's words at the fields, what is sent.
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { GrantView } from '@/domain/assist'
import { WindowGrantForm, type WindowGrantFormProps } from '@/components/staff/WindowGrantForm'

const NOW = '2026-11-26T02:00:00.000Z'
const ELDER_ID = '430103195801012114'

function form(over: Partial<WindowGrantFormProps> = {}) {
  const props: WindowGrantFormProps = {
    now: NOW,
    busy: false,
    bundles: [{ id: 'kaiban-canyin', name: '开办餐饮店' }],
    fieldErrors: {},
    onPickProof: jest.fn(),
    onRegister: jest.fn(),
    ...over,
  }
  const view = render(<WindowGrantForm {...props} />)
  return { props, view }
}

test('亲情帮办 at the window: the ID number is masked, the 户口簿 is asked for, and what the clerk entered is sent', async () => {
  const { props } = form({ fieldErrors: { proofFileId: '请上传户口簿（申请人页和亲属页）的扫描件或照片，作为亲属关系证明' } })
  // the platform's (and the rulebook's) words stand at the upload
  expect(screen.getByRole('alert').textContent).toBe('请上传户口簿（申请人页和亲属页）的扫描件或照片，作为亲属关系证明')
  const id = screen.getByLabelText('申请人的身份证号码')
  await userEvent.type(id, ELDER_ID)
  expect(id).toHaveAttribute('type', 'password')
  expect(screen.getByText('已输入：430103********2114')).toBeTruthy()
  expect(document.body.textContent).not.toContain(ELDER_ID)
  await userEvent.click(screen.getByRole('radio', { name: '开办餐饮店' }))
  await userEvent.type(screen.getByLabelText('亲属的手机号码'), '13807310001')
  await userEvent.click(screen.getByRole('radio', { name: '子女' }))
  await userEvent.click(screen.getByRole('button', { name: '上传户口簿' }))
  expect(props.onPickProof).toHaveBeenCalledWith('relative')
  await userEvent.click(screen.getByRole('button', { name: '登记授权' }))
  expect(props.onRegister).toHaveBeenCalledWith(expect.objectContaining({ kind: 'relative', idNumber: ELDER_ID, bundleId: 'kaiban-canyin', relativeMobile: '13807310001', relation: '子女' }))
})

test('a proxy: name, masked ID number, the 授权委托书 and its 告知承诺 clause (off unless ticked); the registered grant is shown masked', async () => {
  const registered: GrantView = {
    id: 'g-1', grantee: 'staff', via: 'app', scope: { kind: 'bundle', bundleId: 'kaiban-canyin' }, scopeLabel: '开办餐饮店', state: 'active',
    createdAt: NOW, expiresAt: '2026-11-26T04:00:00.000Z', promiseAuthorised: true, citizen: { name: '王*明', idNumber: '430103********2114' }, proxy: { name: '李四', idNumber: '430104********1238' },
  }
  const { props, view } = form({ proof: { kind: 'proxy', name: '委托书.pdf' } })
  await userEvent.click(screen.getByRole('radio', { name: /代理人（凭授权委托书）/ }))
  expect(screen.getByText('已上传：委托书.pdf')).toBeTruthy()
  expect(screen.getByRole('button', { name: '重新上传授权委托书' })).toBeTruthy()
  await userEvent.type(screen.getByLabelText('代理人姓名'), '李四')
  await userEvent.type(screen.getByLabelText('代理人的身份证号码'), '430104199605121238')
  await userEvent.click(screen.getByRole('button', { name: '登记授权' }))
  expect(props.onRegister).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'proxy', proxyName: '李四', proxyIdNumber: '430104199605121238', promiseAuthorised: false }))
  await userEvent.click(screen.getByRole('checkbox', { name: /授权委托书写明代理人可以申请人名义作出告知承诺/ }))
  await userEvent.click(screen.getByRole('button', { name: '登记授权' }))
  expect(props.onRegister).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'proxy', promiseAuthorised: true }))
  view.rerender(<WindowGrantForm {...props} registered={registered} />)
  expect(screen.getByText(/已登记：代理人 李四（430104\*{8}1238）为 王\*明 办理“开办餐饮店”，可作出告知承诺/)).toBeTruthy()
  expect(document.body.textContent).not.toContain('430104199605121238')
  // registered: the numbers typed leave the form (the next citizen is served at this window)
  expect(screen.getByLabelText('代理人的身份证号码')).toHaveValue('')
  expect(screen.getByLabelText('代理人姓名')).toHaveValue('')
})
