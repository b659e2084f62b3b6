// The window's 在线咨询 desk over its store: loaded when shown and after each answer; while the console is shown
// the hall's tally of open questions is asked for every 30 s (stopped when the page is hidden or closed).
import { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ConsultDesk } from '@/components/staff/ConsultDesk'
import { formatDate, formatTime } from '@/domain/datetime'
import { useConsultDesk } from '@/stores/app-consult'
import { createPoller } from '@/stores/poll'
import { nowIso } from '../../nav'

export const CONSULT_POLL_MS = 30_000

export function StaffConsultDesk() {
  const d = useConsultDesk()
  const [poller] = useState(() => createPoller(() => useConsultDesk.getState().count(), CONSULT_POLL_MS))
  useEffect(() => {
    void useConsultDesk.getState().load()
    poller.start()
    return () => {
      poller.stop()
      // signed out: the next clerk starts from an empty desk
      useConsultDesk.getState().reset()
    }
  }, [poller])
  useDidShow(() => {
    void useConsultDesk.getState().load()
    poller.start()
  })
  useDidHide(() => poller.stop())
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
      unanswered={d.unanswered}
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
