/** @jest-environment jsdom */
// 在线咨询's screens: the error at the field (tied to the box, the text kept), 我的咨询's statuses, a question
// with its answer, the window's desk (overdue said in words, the earliest due first as given), and 消息 opening
// a question's answer.
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MessagesScreen } from '@/components/cases/MessagesScreen'
import { ConsultQuestionScreen } from '@/components/screens/ConsultQuestionScreen'
import { ConsultScreen, type ConsultScreenProps } from '@/components/screens/ConsultScreen'
import { ConsultDesk } from '@/components/staff/ConsultDesk'

const props = (o: Partial<ConsultScreenProps> = {}): ConsultScreenProps => ({
  bundles: [
    { value: 'kaiban-canyin', label: '开办餐饮店' },
    { value: 'xinshenger', label: '新生儿出生' },
  ],
  onBundle: jest.fn(),
  text: '',
  onText: jest.fn(),
  fieldErrors: {},
  busy: false,
  onSubmit: jest.fn(),
  questions: [],
  loading: false,
  onOpen: jest.fn(),
  onBack: jest.fn(),
  ...o,
})

test('the error is said at the question box, which keeps what was typed', async () => {
  const p = props({ bundleId: 'kaiban-canyin', text: '怎么办', fieldErrors: { question: '咨询内容太短了，请至少写 5 个字' } })
  render(<ConsultScreen {...p} />)
  const box = screen.getByLabelText('您的问题') as HTMLInputElement
  expect(box.value).toBe('怎么办')
  expect(box).toHaveAttribute('aria-invalid', 'true')
  expect(box).toHaveAccessibleDescription(expect.stringContaining('咨询内容太短了，请至少写 5 个字'))
  await userEvent.click(screen.getByRole('button', { name: '提交咨询' }))
  expect(p.onSubmit).toHaveBeenCalled()
})

test('the question box takes several lines, up to 500 characters, with the count in view and read with the box', async () => {
  const typed: string[] = []
  const p = props({ bundleId: 'kaiban-canyin', text: '健康证\n要每个员工都办吗？', onText: (t: string) => typed.push(t) })
  const { rerender } = render(<ConsultScreen {...p} />)
  const box = screen.getByRole('textbox', { name: '您的问题' })
  expect(box.tagName).toBe('TEXTAREA')
  expect(box).toHaveValue('健康证\n要每个员工都办吗？')
  expect(box).toHaveAttribute('maxlength', '500')
  expect(screen.getByText(/已输入/)).toHaveTextContent('已输入 13 / 500 字')
  expect(box).toHaveAccessibleDescription(expect.stringContaining('已输入 13 / 500 字'))
  await userEvent.type(box, '？')
  expect(typed[typed.length - 1]).toBe('健康证\n要每个员工都办吗？？')
  rerender(<ConsultScreen {...p} text={'问'.repeat(500)} />)
  expect(screen.getByText(/已输入/)).toHaveTextContent('已输入 500 / 500 字，已到上限')
})

test('a bundle already chosen is one line; 更换 opens the list with it checked; choosing closes it again', async () => {
  const p = props({ bundleId: 'kaiban-canyin' })
  render(<ConsultScreen {...p} />)
  expect(screen.getByText('开办餐饮店')).toBeInTheDocument()
  expect(screen.queryByRole('radio')).toBeNull()
  await userEvent.click(screen.getByRole('button', { name: '更换咨询事项（现在是开办餐饮店）' }))
  expect(screen.getByRole('radio', { name: '开办餐饮店' })).toBeChecked()
  await userEvent.click(screen.getByRole('radio', { name: '新生儿出生' }))
  expect(p.onBundle).toHaveBeenCalledWith('xinshenger')
  expect(screen.queryByRole('radio')).toBeNull()
})

test('no bundle chosen, or the bundle refused: the list is shown with the message', () => {
  render(<ConsultScreen {...props({ bundleId: 'kaiban-canyin', fieldErrors: { bundleId: '请选择要咨询的事项' } })} />)
  expect(screen.getByRole('radiogroup', { name: /咨询哪件事/ })).toBeInTheDocument()
  expect(screen.getByText('请选择要咨询的事项')).toBeInTheDocument()
})

test('我的咨询: 待答复 with its date, 已答复 with a way to the answer; signed out: sign in instead', async () => {
  const p = props({
    sent: { bundleName: '开办餐饮店', dueText: '12月3日（周四）' },
    questions: [
      { id: 'Q-2', bundleName: '开办餐饮店', question: '健康证要每人都办吗？', statusText: '待答复', whenText: '12月3日（周四）前答复', answered: false },
      { id: 'Q-1', bundleName: '新生儿出生', question: '可以在外地办吗？', statusText: '已答复', whenText: '11月27日 10:00 已答复', answered: true },
    ],
  })
  const { unmount } = render(<ConsultScreen {...p} />)
  expect(screen.getByRole('status')).toHaveTextContent('已提交关于“开办餐饮店”的咨询，将在 12月3日（周四）前答复，答复会发到“消息”。')
  expect(screen.getByText('12月3日（周四）前答复')).toBeInTheDocument()
  await userEvent.click(screen.getByRole('button', { name: '查看答复：新生儿出生，已答复' }))
  expect(p.onOpen).toHaveBeenCalledWith('Q-1')
  unmount()
  const onSignIn = jest.fn()
  render(<ConsultScreen {...props({ onSignIn })} />)
  expect(screen.queryByLabelText('您的问题')).toBeNull()
  await userEvent.click(screen.getByRole('button', { name: '登录' }))
  expect(onSignIn).toHaveBeenCalled()
})

test('a question with its answer, and one still waiting', () => {
  const base = { bundleName: '开办餐饮店', question: '健康证要每人都办吗？', askedText: '11月26日 10:00', dueText: '12月3日（周四）' }
  const { unmount } = render(<ConsultQuestionScreen question={{ ...base, statusText: '已答复', answer: { text: '接触直接入口食品的员工都要办。', byText: '长沙市政务服务中心 · 11月27日 09:00 答复' } }} onBack={jest.fn()} />)
  expect(screen.getByRole('heading', { name: '答复' })).toBeInTheDocument()
  expect(screen.getByText('接触直接入口食品的员工都要办。')).toBeInTheDocument()
  unmount()
  render(<ConsultQuestionScreen question={{ ...base, statusText: '待答复' }} onBack={jest.fn()} />)
  expect(screen.getByText('待答复')).toBeInTheDocument()
  expect(screen.getByText('12月3日（周四）前答复，答复会发到“消息”。')).toBeInTheDocument()
})

test('the window: overdue ones said in words, the answer checked at its field, sent by its button', async () => {
  const onAnswer = jest.fn()
  const onType = jest.fn()
  render(
    <ConsultDesk
      questions={[
        { id: 'Q-a', bundleName: '开办餐饮店', question: '可以先营业吗？', askerName: '刘*', askedText: '11月20日 10:00', dueText: '11月27日（周五）前答复', overdue: true },
        { id: 'Q-b', bundleName: '新生儿出生', question: '可以在外地办吗？', askerName: '陈*', askedText: '11月26日 10:00', dueText: '12月3日（周四）前答复', overdue: false },
      ]}
      loading={false}
      answers={{ 'Q-a': '不可以' }}
      fieldErrors={{ 'Q-a': '答复内容太短了，请至少写 5 个字' }}
      busy={false}
      onType={onType}
      onAnswer={onAnswer}
      onRefresh={jest.fn()}
    />,
  )
  expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('在线咨询（待答复 2 条）')
  expect(screen.getByText('有 1 条已超过 5 个工作日的答复期限，请优先答复。')).toBeInTheDocument()
  expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['开办餐饮店', '新生儿出生'])
  expect(screen.getByText('已超期')).toBeInTheDocument()
  const [first] = screen.getAllByLabelText('答复内容')
  expect(first).toHaveAccessibleDescription(expect.stringContaining('答复内容太短了，请至少写 5 个字'))
  await userEvent.click(screen.getByRole('button', { name: '提交答复：陈*关于“新生儿出生”的咨询' }))
  expect(onAnswer).toHaveBeenCalledWith('Q-b')
})

test('the window: a poll counting more open questions than listed says how many came in and shows them on request', async () => {
  const onRefresh = jest.fn()
  const q = { id: 'Q-a', bundleName: '开办餐饮店', question: '可以先营业吗？\n要多久？', askerName: '刘*', askedText: '11月20日 10:00', dueText: '11月27日（周五）前答复', overdue: false }
  const { rerender } = render(<ConsultDesk questions={[q]} unanswered={{ open: 1, overdue: 0 }} loading={false} answers={{}} fieldErrors={{}} busy={false} onType={jest.fn()} onAnswer={jest.fn()} onRefresh={onRefresh} />)
  expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('在线咨询（待答复 1 条）')
  expect(screen.queryByText(/条新的在线咨询/)).toBeNull()
  expect(screen.getByText(/可以先营业吗/)).toHaveClass('ui-lines')
  rerender(<ConsultDesk questions={[q]} unanswered={{ open: 3, overdue: 0 }} loading={false} answers={{}} fieldErrors={{}} busy={false} onType={jest.fn()} onAnswer={jest.fn()} onRefresh={onRefresh} />)
  expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('在线咨询（待答复 3 条）')
  expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('有 2 条新的在线咨询')
  await userEvent.click(screen.getByRole('button', { name: '显示新咨询' }))
  expect(onRefresh).toHaveBeenCalled()
})

test('消息: the answer to a question is opened as the question, not as a case', async () => {
  const onOpen = jest.fn()
  const onOpenQuestion = jest.fn()
  render(
    <MessagesScreen
      messages={[
        { id: 'm3', questionId: 'Q-1', title: '您的咨询已答复', body: '关于“开办餐饮店”的咨询，长沙市政务服务中心已答复。', read: false, when: '11月27日 09:00' },
        { id: 'm1', caseId: 'HN2026112600001', title: '食品经营许可已受理', body: '承诺 5 个工作日内办结', read: true, when: '11月26日 11:00' },
      ]}
      unread={1}
      onOpen={onOpen}
      onOpenQuestion={onOpenQuestion}
      onReadAll={jest.fn()}
    />,
  )
  expect(screen.getByText('11月27日 09:00 · 在线咨询')).toBeInTheDocument()
  await userEvent.click(screen.getByRole('button', { name: '查看答复：您的咨询已答复' }))
  expect(onOpenQuestion).toHaveBeenCalledWith('m3', 'Q-1')
  expect(onOpen).not.toHaveBeenCalled()
})
