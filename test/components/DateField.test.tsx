/** @jest-environment jsdom */
// Dates are chosen in a date picker (H5: the browser's date input), never typed as free text; the value stays
// 'YYYY-MM-DD', the bounds the validator uses bound the picker, and a value typed before the picker still shows.
import { fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import type { Field, FieldView } from '@/domain'
import { validateFieldValue } from '@/domain'
import { FormScreen } from '@/components/screens/FormScreen'

const FIELD = { id: 'bank-date', label: '预约日期', type: 'date', section: 'bank' } as Field
const BOUNDS = { min: '2025-09-29', max: '2025-12-28' }

function Harness({ initial = '', onValue = () => undefined }: { initial?: string; onValue?: (v: string) => void }) {
  const [value, setValue] = useState(initial)
  const result = validateFieldValue(FIELD, value, { today: BOUNDS.min, required: true, origin: 'typed', minDate: BOUNDS.min, maxDate: BOUNDS.max, minDateText: '今天' })
  const view: FieldView = { id: FIELD.id, field: FIELD, usedBy: [], required: true, value, valid: result.ok, minDate: BOUNDS.min, maxDate: BOUNDS.max, ...(result.ok ? {} : { error: result.message }) }
  return (
    <FormScreen
      bundleName='企业开办'
      sections={[{ section: { id: 'bank', title: '银行开户' }, fields: [view], groups: [] }]}
      licenceOffers={[]}
      onConsent={() => undefined}
      onValue={(_, v) => {
        setValue(v)
        onValue(v)
      }}
      onContinue={() => undefined}
      onBack={() => undefined}
    />
  )
}

const dateBox = () => screen.getByLabelText('预约日期') as HTMLInputElement

test('a date field is a date picker bounded as the validator bounds it, not a text box', () => {
  render(<Harness />)
  const box = dateBox()
  expect(box).toHaveAttribute('type', 'date')
  expect(box).toHaveAttribute('min', BOUNDS.min)
  expect(box).toHaveAttribute('max', BOUNDS.max)
  expect(box).toHaveAttribute('aria-required', 'true')
  expect(screen.queryByPlaceholderText(/例如/)).not.toBeInTheDocument()
})

test('a picked date is kept as YYYY-MM-DD; one outside the bounds is refused at the field, the value kept', () => {
  const onValue = jest.fn()
  render(<Harness onValue={onValue} />)
  fireEvent.input(dateBox(), { target: { value: '2025-10-08' } })
  expect(onValue).toHaveBeenLastCalledWith('2025-10-08')
  expect(dateBox()).toHaveValue('2025-10-08')
  expect(dateBox()).not.toHaveAttribute('aria-invalid')
  fireEvent.input(dateBox(), { target: { value: '2025-09-01' } })
  expect(dateBox()).toHaveAttribute('aria-invalid', 'true')
  expect(dateBox()).toHaveAccessibleDescription(expect.stringContaining('预约日期不能早于今天'))
  expect(dateBox()).toHaveValue('2025-09-01')
})

test('a value typed before the picker ("1978年9月") is still shown, with what to do, and not replaced', () => {
  const onValue = jest.fn()
  render(<Harness initial='1978年9月' onValue={onValue} />)
  expect(dateBox()).toHaveValue('')
  expect(dateBox()).toHaveAccessibleDescription(expect.stringContaining('您之前填写的是“1978年9月”，请重新选择日期。'))
  expect(onValue).not.toHaveBeenCalled()
})
