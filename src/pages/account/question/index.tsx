// One 在线咨询 question with its answer (`?id=`; opened from 我的咨询 or from the answer's message in 消息).
import { useRouter } from '@tarojs/taro'
import { ConsultQuestionScreen } from '@/components/screens/ConsultQuestionScreen'
import { consultStatusText } from '@/domain/consult'
import { formatDate, formatTime } from '@/domain/datetime'
import { useSession } from '@/stores/app'
import { useConsult } from '@/stores/app-consult'
import { Frame } from '../../Frame'
import { leave, nowIso, signIn } from '../../nav'
import { useSignedInLoad } from '../../use-signed-in'

export default function QuestionPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const signedOut = useSession((s) => s.status === 'signed-out')
  const current = useConsult((s) => (s.current?.id === id ? s.current : undefined))
  const currentError = useConsult((s) => s.currentError)
  useSignedInLoad(() => void useConsult.getState().loadOne(id))
  const now = nowIso()
  return (
    <Frame>
      <ConsultQuestionScreen
        question={
          current && {
            bundleName: current.bundleName,
            question: current.question,
            askedText: formatTime(current.askedAt, now),
            statusText: consultStatusText(current, now),
            dueText: formatDate(current.dueDate, now),
            answer: current.answer && { text: current.answer.text, byText: `${current.answer.hallName} · ${formatTime(current.answer.at, now)} 答复` },
          }
        }
        error={id ? currentError : '没有找到这条咨询'}
        onSignIn={signedOut ? () => signIn() : undefined}
        onBack={leave}
      />
    </Frame>
  )
}
