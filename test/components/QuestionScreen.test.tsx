/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState, type ComponentProps } from 'react'
import type { AnswerValue, Answers } from '@/domain'
import { QuestionScreen } from '@/components/screens/QuestionScreen'
import { summaryText } from '@/stores/journey'
import { guidanceFor } from './helpers'

/** The screen with a live draft: answers go through the engine as in the app. */
type Extra = Partial<Pick<ComponentProps<typeof QuestionScreen>, 'foldHelp' | 'licenceOffer' | 'onConsent'>>
function Harness({ questionId, initial = {}, onContinue = () => undefined, onReadAloud, ...extra }: { questionId: string; initial?: Answers; onContinue?: () => void; onReadAloud?: (text: string) => void } & Extra) {
  const [answers, setAnswers] = useState<Answers>(initial)
  const g = guidanceFor({ answers })
  const view = g.questions.visible.find((v) => v.question.id === questionId)!
  return (
    <QuestionScreen
      bundleName='开办测试小店'
      view={view}
      position={{ index: 1, total: g.questions.visible.length }}
      summary={summaryText(g.summary)}
      stop={g.stop}
      onAnswer={(v: AnswerValue | undefined) =>
        setAnswers((a) => {
          const next = { ...a }
          if (v === undefined) delete next[questionId]
          else next[questionId] = v
          return next
        })
      }
      onContinue={onContinue}
      onBack={() => undefined}
      onOtherBundle={() => undefined}
      onReadAloud={onReadAloud}
      {...extra}
    />
  )
}

test('朗读本题 reads the question, its help and its choices (or the unit); without speech on the device there is no button', async () => {
  const read = jest.fn()
  const { unmount } = render(<Harness questionId='tobacco' onReadAloud={read} />)
  await userEvent.click(screen.getByRole('button', { name: '朗读本题' }))
  expect(read).toHaveBeenLastCalledWith('是否销售卷烟？销售卷烟需要烟草专卖零售许可。选项有：是；否。')
  unmount()
  render(<Harness questionId='area' onReadAloud={read} />)
  await userEvent.click(screen.getByRole('button', { name: '朗读本题' }))
  expect(read).toHaveBeenLastCalledWith('经营场所面积有多大？按房产证或租赁合同上的面积填写。请填写数字，单位是平方米。')
})

test('no 朗读本题 where the device cannot speak', () => {
  render(<Harness questionId='tobacco' />)
  expect(screen.queryByRole('button', { name: '朗读本题' })).toBeNull()
})

test('a yes/no question is the page heading, its help is tied to the choices, and the summary follows the answer', async () => {
  render(<Harness questionId='tobacco' initial={{ area: 50 }} />)
  expect(screen.getByRole('heading', { level: 1, name: '是否销售卷烟？' })).toBeInTheDocument()
  const group = screen.getByRole('radiogroup', { name: '是否销售卷烟？' })
  expect(group).toHaveAccessibleDescription('销售卷烟需要烟草专卖零售许可。')
  expect(screen.getByRole('status')).toHaveTextContent('需办理 1 个事项')
  await userEvent.click(screen.getByRole('radio', { name: '是' }))
  expect(screen.getByRole('radio', { name: '是' })).toHaveAttribute('aria-checked', 'true')
  expect(screen.getByRole('status')).toHaveTextContent('需办理 2 个事项')
  await userEvent.click(screen.getByRole('radio', { name: '否' }))
  expect(screen.getByRole('status')).toHaveTextContent('需办理 1 个事项')
})

test('choices work from the keyboard: Space chooses, arrows move within a radio group', async () => {
  render(<Harness questionId='site' />)
  const first = screen.getByRole('radio', { name: '临街商铺' })
  first.focus()
  await userEvent.keyboard(' ')
  expect(first).toHaveAttribute('aria-checked', 'true')
  await userEvent.keyboard('{ArrowDown}')
  expect(screen.getByRole('radio', { name: '住宅' })).toHaveAttribute('aria-checked', 'true')
  expect(screen.getByRole('radio', { name: '住宅' })).toHaveFocus()
})

test('a dead end says why and what to do, and 继续 is held back', async () => {
  const onContinue = jest.fn()
  render(<Harness questionId='site' onContinue={onContinue} />)
  await userEvent.click(screen.getByRole('radio', { name: '住宅' }))
  const stop = screen.getByRole('alert')
  expect(stop).toHaveTextContent('住宅不能作为餐饮经营场所')
  expect(stop).toHaveTextContent('怎么办：请到所在区县政务服务中心综合窗口咨询')
  expect(screen.getByRole('button', { name: '查看可办理的一件事' })).toBeInTheDocument()
  await userEvent.click(screen.getByRole('button', { name: '继续' }))
  expect(onContinue).not.toHaveBeenCalled()
})

test('a number question keeps what is typed, checks the range, and updates the summary', async () => {
  render(<Harness questionId='area' initial={{ tobacco: false }} />)
  const input = screen.getByRole('textbox', { name: '经营场所面积有多大？' })
  await userEvent.type(input, '500')
  expect(screen.getByRole('status')).toHaveTextContent('需办理 2 个事项')
  await userEvent.clear(input)
  await userEvent.type(input, '0')
  expect(input).toHaveValue('0')
  expect(screen.getByText('不能小于1平方米')).toBeInTheDocument()
  expect(input).toHaveAccessibleDescription(expect.stringContaining('不能小于1平方米'))
})

test('multiple choice has an explicit 以上都没有 that clears the others', async () => {
  render(<Harness questionId='menu' />)
  await userEvent.click(screen.getByRole('checkbox', { name: '凉菜' }))
  await userEvent.click(screen.getByRole('checkbox', { name: '现制饮品' }))
  expect(screen.getByRole('checkbox', { name: '凉菜' })).toHaveAttribute('aria-checked', 'true')
  await userEvent.click(screen.getByRole('checkbox', { name: '以上都没有' }))
  expect(screen.getByRole('checkbox', { name: '以上都没有' })).toHaveAttribute('aria-checked', 'true')
  expect(screen.getByRole('checkbox', { name: '凉菜' })).toHaveAttribute('aria-checked', 'false')
})

test('a continue-time error is shown at the question and described on the group', () => {
  const g = guidanceFor()
  render(
    <QuestionScreen bundleName='x' view={g.questions.visible[0]} position={{ index: 1, total: 4 }} summary='s' error='请回答此问题后继续' onAnswer={() => undefined} onContinue={() => undefined} onBack={() => undefined} />,
  )
  expect(screen.getByRole('radiogroup')).toHaveAccessibleDescription(expect.stringContaining('请回答此问题后继续'))
  expect(screen.getByRole('radiogroup')).toHaveAttribute('aria-invalid', 'true')
})

test('moving to the next question puts focus on its heading', () => {
  const g = guidanceFor({ answers: { tobacco: true } })
  const props = { bundleName: 'x', position: { index: 1, total: 4 }, summary: 's', onAnswer: () => undefined, onContinue: () => undefined, onBack: () => undefined }
  const { rerender } = render(<QuestionScreen {...props} view={g.questions.visible[0]} />)
  expect(screen.getByRole('heading', { level: 1 })).not.toHaveFocus()
  rerender(<QuestionScreen {...props} view={g.questions.visible[1]} />)
  expect(screen.getByRole('heading', { level: 1, name: '经营场所面积有多大？' })).toHaveFocus()
})

test('letters in a number question are called what they are (请只填写数字), not "unanswered"; typing clears it', async () => {
  const onContinue = jest.fn()
  render(<Harness questionId='area' onContinue={onContinue} />)
  await userEvent.type(screen.getByRole('textbox'), '五十')
  await userEvent.click(screen.getByRole('button', { name: '继续' }))
  expect(onContinue).not.toHaveBeenCalled()
  expect(screen.getByText('请只填写数字，例如 50')).toBeInTheDocument()
  expect(screen.queryByText(/请回答此问题/)).toBeNull()
  await userEvent.clear(screen.getByRole('textbox'))
  await userEvent.type(screen.getByRole('textbox'), '50')
  expect(screen.queryByText('请只填写数字，例如 50')).toBeNull()
  await userEvent.click(screen.getByRole('button', { name: '继续' }))
  expect(onContinue).toHaveBeenCalledTimes(1)
})

test('before any answer names a matter, the summary does not say "需办理 0 个事项"', () => {
  expect(summaryText({ matterCount: 0, materialCount: 0, workingDays: 0 } as Parameters<typeof summaryText>[0])).toBe('回答问题后，这里会显示要办几个事项、准备几份材料')
  expect(summaryText({ matterCount: 2, materialCount: 5, workingDays: 3 } as Parameters<typeof summaryText>[0])).toBe('需办理 2 个事项，需准备 5 份材料，预计 3 个工作日')
})

test('长辈版: the choices first, the help behind 这是什么意思？ (a disclosure), still read by 朗读本题; choosing does not move on', async () => {
  const read = jest.fn()
  const next = jest.fn()
  render(<Harness questionId='tobacco' foldHelp onReadAloud={read} onContinue={next} />)
  const group = screen.getByRole('radiogroup', { name: '是否销售卷烟？' })
  expect(group).not.toHaveAccessibleDescription('销售卷烟需要烟草专卖零售许可。')
  expect(screen.queryByText('销售卷烟需要烟草专卖零售许可。')).toBeNull()
  const more = screen.getByRole('button', { name: '这是什么意思？' })
  expect(more).toHaveAttribute('aria-expanded', 'false')
  // the disclosure comes after the choices
  expect(screen.getByRole('radio', { name: '否' }).compareDocumentPosition(more) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  await userEvent.click(more)
  const less = screen.getByRole('button', { name: '收起说明' })
  expect(less).toHaveAttribute('aria-expanded', 'true')
  expect(document.getElementById(less.getAttribute('aria-controls') as string)).toHaveTextContent('销售卷烟需要烟草专卖零售许可。')
  await userEvent.click(screen.getByRole('radio', { name: '是' }))
  expect(next).not.toHaveBeenCalled()
  await userEvent.click(screen.getByRole('button', { name: '朗读本题' }))
  expect(read).toHaveBeenLastCalledWith('是否销售卷烟？销售卷烟需要烟草专卖零售许可。选项有：是；否。')
})

test('标准版 shows the help with the question and has no 这是什么意思？', () => {
  render(<Harness questionId='area' />)
  expect(screen.getByText('按房产证或租赁合同上的面积填写。')).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: '这是什么意思？' })).toBeNull()
})

test('e-licences that would answer questions are offered on the question page with how many they answer', async () => {
  const consent = jest.fn()
  render(<Harness questionId='tobacco' licenceOffer={{ names: '户口簿、社保卡', questions: 3 }} onConsent={consent} />)
  expect(screen.getByText('平台有您的电子户口簿、社保卡。同意使用后，3 个问题由证照上的信息回答，您只需核对。')).toBeInTheDocument()
  await userEvent.click(screen.getByRole('button', { name: '同意使用电子户口簿、社保卡' }))
  expect(consent).toHaveBeenCalledTimes(1)
})
