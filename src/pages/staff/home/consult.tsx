// The window's 在线咨询 desk over its store: loaded when shown and after each answer.
import { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import { ConsultDesk } from '@/components/staff/ConsultDesk'
import { formatDate, formatTime } from '@/domain/datetime'
import { useConsultDesk } from '@/stores/app-consult'
import { nowIso } from '../../nav'

export function StaffConsultDesk() {
  const d = useConsultDesk()
  useEffect(() => {
    void useConsultDesk.getState().load()
    // signed out: the next clerk starts from an empty desk
    return () => useConsultDesk.getState().reset()
  }, [])
  useDidShow(() => void useConsultDesk.getState().load())
  const now = nowIso()
  return (
    <ConsultDesk
      questions={d.questions.map((q) => ({
        id: q.id,
        bundleName: q.bundleName,
        question: q.question,
        askerName: q.askerName,
        askedText: formatTime(q.askedAt, now),
        dueText: `${formatDate(q.dueDate, now)}前答复`,
        overdue: q.overdue,
      }))}
      loading={d.status === 'loading' || d.status === 'idle'}
      error={d.error}
      answers={d.answers}
      fieldErrors={d.fieldErrors}
      busy={d.busy}
      answeredText={d.answered ? `已答复 ${d.answered.askerName} 关于“${d.answered.bundleName}”的咨询，答复已发到其“消息”。` : undefined}
      onType={(id, t) => useConsultDesk.getState().type(id, t)}
      onAnswer={(id) => void useConsultDesk.getState().answer(id)}
      onRefresh={() => void useConsultDesk.getState().load()}
    />
  )
}
