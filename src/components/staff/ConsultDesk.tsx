// 在线咨询 at the window: the hall's open questions, the earliest due first, overdue ones flagged in words; each
// answered in place (checked at the field with the rulebook's words). The asker's name is masked.
import { View } from '@tarojs/components'
import { ANSWER_MAX } from '@/domain/consult'
import { AppButton } from '../Button'
import { Heading } from '../Heading'
import { Notice } from '../Notice'
import { TextArea } from '../TextArea'

export interface ConsultDeskItem {
  id: string
  bundleName: string
  question: string
  askerName: string
  askedText: string
  /** "12月3日（周四）前答复" */
  dueText: string
  overdue: boolean
}

export interface ConsultDeskProps {
  questions: ConsultDeskItem[]
  /** the hall's tally as last polled: more open questions than listed means new ones came in */
  unanswered?: { open: number; overdue: number }
  loading: boolean
  error?: string
  answers: Record<string, string>
  fieldErrors: Record<string, string>
  busy: boolean
  /** said once after an answer was sent */
  answeredText?: string
  onType: (id: string, text: string) => void
  onAnswer: (id: string) => void
  onRefresh: () => void
}

export function ConsultDesk(p: ConsultDeskProps) {
  const overdue = p.questions.filter((q) => q.overdue).length
  const open = p.unanswered?.open ?? p.questions.length
  const arrived = open - p.questions.length
  return (
    <View className='ui-card' id='consult-desk' aria-label='在线咨询'>
      <Heading level={2} id='consult-desk-title' focusable>
        在线咨询（待答复 {open} 条）
      </Heading>
      {/* always there, so a screen reader hears it when a poll brings new questions */}
      <View className='ui-strong' role='status'>
        {arrived > 0 ? `有 ${arrived} 条新的在线咨询` : ''}
      </View>
      {arrived > 0 ? (
        <AppButton variant='secondary' onTap={p.onRefresh}>
          显示新咨询
        </AppButton>
      ) : null}
      {overdue ? <Notice tone='warning'>{`有 ${overdue} 条已超过 5 个工作日的答复期限，请优先答复。`}</Notice> : null}
      {p.answeredText ? (
        <Notice tone='success' live='status'>
          {p.answeredText}
        </Notice>
      ) : null}
      {p.error ? <Notice tone='error'>{p.error}</Notice> : null}
      {p.loading && !p.questions.length ? (
        <View className='ui-help' role='status'>
          正在加载…
        </View>
      ) : null}
      {!p.loading && !p.error && !p.questions.length ? <View className='ui-help'>暂无待答复的咨询。</View> : null}
      {p.questions.map((q) => (
        <View key={q.id} className='ui-grant'>
          <Heading level={3}>{q.bundleName}</Heading>
          <View className='ui-inline'>
            {q.overdue ? <View className='ui-tag ui-tag--strong'>已超期</View> : <View className='ui-tag'>待答复</View>}
            <View className='ui-help'>
              {q.dueText} · {q.askerName} · {q.askedText} 提问
            </View>
          </View>
          <View className='ui-lines'>{q.question}</View>
          <TextArea id={`answer-${q.id}`} label='答复内容' maxLength={ANSWER_MAX} value={p.answers[q.id] ?? ''} onInput={(t) => p.onType(q.id, t)} error={p.fieldErrors[q.id]} />
          <AppButton busy={p.busy} onTap={() => p.onAnswer(q.id)} ariaLabel={`提交答复：${q.askerName}关于“${q.bundleName}”的咨询`}>
            提交答复
          </AppButton>
        </View>
      ))}
      <AppButton variant='link' onTap={p.onRefresh}>
        刷新在线咨询
      </AppButton>
    </View>
  )
}
