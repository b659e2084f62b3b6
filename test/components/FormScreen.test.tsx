/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { FormScreen } from '@/components/screens/FormScreen'
import { ANSWERED, PREFILL, guidanceFor } from './helpers'

function Harness({ onContinue = () => undefined, initial = {}, fold }: { onContinue?: () => void; initial?: Record<string, string>; fold?: boolean }) {
  const [values, setValues] = useState<Record<string, string>>(initial)
  const g = guidanceFor({ answers: ANSWERED, values }, { licences: ['businessLicence'] }, PREFILL)
  return (
    <FormScreen
      bundleName='开办测试小店'
      sections={g.fields.sections}
      offers={g.fields.offers}
      licenceOffers={[{ kind: 'businessLicence', name: '营业执照' }]}
      onConsent={() => undefined}
      onValue={(id, v) => setValues((x) => ({ ...x, [id]: v }))}
      onContinue={onContinue}
      onBack={() => undefined}
      foldOptional={fold}
    />
  )
}

test('prefilled values are locked, masked when sensitive, and name their source', () => {
  render(<Harness />)
  const id = screen.getByRole('group', { name: '身份证号码' })
  expect(id).toHaveTextContent('430102********1234')
  expect(id).not.toHaveTextContent('430102199003071234')
  expect(id).toHaveAccessibleDescription('来自实名信息，不可修改')
  expect(screen.queryByRole('textbox', { name: '身份证号码' })).not.toBeInTheDocument()
  expect(screen.getByRole('group', { name: '姓名' })).toHaveTextContent('张三')
})

test('sections are headings; optional fields say so; e-licences that could fill fields are offered', () => {
  render(<Harness />)
  expect(screen.getByRole('heading', { level: 2, name: '申请人信息' })).toBeInTheDocument()
  expect(screen.getByRole('heading', { level: 2, name: '店铺信息' })).toBeInTheDocument()
  expect(screen.getByText('电子邮箱').parentElement).toHaveTextContent('电子邮箱（选填）')
  expect(screen.getByRole('button', { name: '同意使用电子营业执照' })).toBeInTheDocument()
})

test('an error appears at the field when the citizen leaves it, tied to the input, and the value stays', async () => {
  render(<Harness />)
  const mobile = screen.getByRole('textbox', { name: '联系电话' })
  await userEvent.type(mobile, '1381234')
  expect(screen.queryByText(/手机号码/)).not.toBeInTheDocument()
  await userEvent.tab()
  expect(mobile).toHaveAttribute('aria-invalid', 'true')
  expect(mobile).toHaveAccessibleDescription(expect.stringMatching(/联系电话/))
  expect(mobile).toHaveValue('1381234')
  await userEvent.type(mobile, '5678')
  expect(mobile).not.toHaveAttribute('aria-invalid')
})

test('继续 with problems lists them at the top, each leading to its field; nothing typed is lost', async () => {
  const onContinue = jest.fn()
  render(<Harness onContinue={onContinue} initial={{ shopName: '湘味小馆' }} />)
  await userEvent.click(screen.getByRole('button', { name: '继续' }))
  expect(onContinue).not.toHaveBeenCalled()
  const summary = screen.getByRole('alert')
  expect(summary).toHaveFocus()
  expect(summary).toHaveTextContent('请修改以下内容')
  expect(summary).toHaveTextContent('请填写联系电话')
  expect(summary).toHaveTextContent('请选择经营类别')
  expect(summary).not.toHaveTextContent('电子邮箱')
  await userEvent.click(screen.getByRole('button', { name: '请填写联系电话' }))
  expect(screen.getByRole('textbox', { name: '联系电话' })).toHaveFocus()
  expect(screen.getByRole('textbox', { name: '店铺名称' })).toHaveValue('湘味小馆')
})

test('a complete form continues', async () => {
  const onContinue = jest.fn()
  render(<Harness onContinue={onContinue} initial={{ shopName: '湘味小馆', mobile: '13812345678', kind: 'a', uscc: '91430100MA4L12345A' }} />)
  await userEvent.click(screen.getByRole('button', { name: '继续' }))
  expect(onContinue).toHaveBeenCalledTimes(1)
})

test('leaving a field for the 继续 button does not move the button: 继续 shows every error itself', async () => {
  const onContinue = jest.fn()
  render(<Harness onContinue={onContinue} />)
  await userEvent.type(screen.getByRole('textbox', { name: '联系电话' }), '1380')
  await userEvent.click(screen.getByRole('button', { name: '继续' }))
  expect(onContinue).not.toHaveBeenCalled()
  expect(screen.getByRole('alert')).toHaveTextContent('联系电话')
  expect(screen.getByRole('textbox', { name: '联系电话' })).toHaveAttribute('aria-invalid', 'true')
})

test('a name typed before the real-name data arrived is kept; the data is offered beside it and used only on request', async () => {
  render(<Harness initial={{ name: '张小三' }} />)
  // not locked: what was typed stays in the box
  expect(screen.getByRole('textbox', { name: '姓名' })).toHaveValue('张小三')
  const offer = screen.getByRole('group', { name: '实名信息上的信息' })
  expect(offer).toHaveTextContent('姓名：张三（您填写的：张小三）')
  // the ID number of the same source is offered with it (masked), not locked beside a different name
  expect(offer).toHaveTextContent('身份证号码：430102********1234（您未填写）')
  await userEvent.click(screen.getByRole('button', { name: '使用实名信息上的信息' }))
  expect(screen.getByRole('group', { name: '姓名' })).toHaveTextContent('张三')
  expect(screen.queryByRole('group', { name: '实名信息上的信息' })).not.toBeInTheDocument()
})

describe('长辈版: optional fields folded away', () => {
  test('an empty optional field is behind one 选填项 control; opened, it can be filled and stays while typed in', async () => {
    render(<Harness fold />)
    expect(screen.queryByRole('textbox', { name: /电子邮箱/ })).not.toBeInTheDocument()
    const fold = screen.getByRole('button', { name: '选填项（可不填）· 1 项' })
    expect(fold).toHaveAttribute('aria-expanded', 'false')
    await userEvent.click(fold)
    expect(screen.getByRole('button', { name: '收起选填项' })).toHaveAttribute('aria-expanded', 'true')
    const email = screen.getByRole('textbox', { name: /电子邮箱/ })
    await userEvent.type(email, 'a@b.cn')
    expect(screen.getByRole('textbox', { name: /电子邮箱/ })).toHaveValue('a@b.cn')
    expect(screen.getByRole('group', { name: '选填项' })).toContainElement(screen.getByRole('textbox', { name: /电子邮箱/ }))
  })
  test('an optional field already filled in is not folded; standard mode folds nothing', () => {
    const { unmount } = render(<Harness fold initial={{ email: 'a@b.cn' }} />)
    expect(screen.getByRole('textbox', { name: /电子邮箱/ })).toHaveValue('a@b.cn')
    expect(screen.queryByRole('button', { name: /选填项/ })).not.toBeInTheDocument()
    unmount()
    render(<Harness />)
    expect(screen.getByRole('textbox', { name: /电子邮箱/ })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /选填项/ })).not.toBeInTheDocument()
  })
  test('a wrong value in the fold opens it at 继续 and the error is listed', async () => {
    const onContinue = jest.fn()
    render(<Harness fold onContinue={onContinue} />)
    await userEvent.click(screen.getByRole('button', { name: /选填项/ }))
    await userEvent.type(screen.getByRole('textbox', { name: /电子邮箱/ }), 'not-an-email')
    await userEvent.click(screen.getByRole('button', { name: '收起选填项' }))
    expect(screen.queryByRole('textbox', { name: /电子邮箱/ })).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: '继续' }))
    expect(onContinue).not.toHaveBeenCalled()
    expect(screen.getByRole('button', { name: '收起选填项' })).toHaveAttribute('aria-expanded', 'true')
    const email = screen.getByRole('textbox', { name: /电子邮箱/ })
    expect(email).toHaveValue('not-an-email')
    expect(email).toHaveAttribute('aria-invalid', 'true')
  })
})
