/** @jest-environment jsdom */
// 公民身后事: the offer to let the deceased's shared records answer the questions, and what was found.
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { DeceasedRecordCard } from '@/components/DeceasedRecordCard'
import { DECEASED_RECORD_REFUSAL } from '@/domain/deceased'

const none = () => undefined

test('the number is typed once and sent with 查询逝者的记录; a problem is said at the field, a refusal plainly below', async () => {
  const onLookUp = jest.fn()
  const { rerender } = render(<DeceasedRecordCard questions={7} onLookUp={onLookUp} onStopUsing={none} />)
  expect(screen.getByText(/7 个问题由记录回答，您只需核对/)).toBeInTheDocument()
  await userEvent.type(screen.getByRole('textbox', { name: '逝者的身份证号码' }), '430103196003150023')
  await userEvent.click(screen.getByRole('button', { name: '查询逝者的记录' }))
  expect(onLookUp).toHaveBeenCalledWith('430103196003150023')
  rerender(<DeceasedRecordCard questions={7} fieldError='逝者的身份证号码校验位不正确，请核对后重新输入' onLookUp={onLookUp} onStopUsing={none} />)
  const box = screen.getByRole('textbox', { name: '逝者的身份证号码' })
  expect(box).toHaveAccessibleDescription(/校验位不正确/)
  expect(box).toHaveValue('430103196003150023')
  rerender(<DeceasedRecordCard questions={7} refusal={DECEASED_RECORD_REFUSAL} onLookUp={onLookUp} onStopUsing={none} />)
  expect(screen.getByRole('status')).toHaveTextContent(DECEASED_RECORD_REFUSAL)
})

test('found: only the masked name and number, the standing, how many answered, and a way to stop using them', async () => {
  const onStopUsing = jest.fn()
  render(<DeceasedRecordCard questions={0} found={{ subject: '李*英', subjectIdNumber: '430103********0023', basis: '同一户口簿', answered: 8 }} onLookUp={none} onStopUsing={onStopUsing} />)
  expect(screen.getByText('已查到 李*英（430103********0023）的记录（同一户口簿），8 个问题已由各部门的记录回答，您在“核对信息”时核对即可。')).toBeInTheDocument()
  expect(screen.queryByRole('textbox')).toBeNull()
  await userEvent.click(screen.getByRole('button', { name: '不使用这些记录，我自己回答' }))
  expect(onStopUsing).toHaveBeenCalled()
})
