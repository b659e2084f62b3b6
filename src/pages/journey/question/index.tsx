// Situation questions, one per screen. The question shown is page state (WeChat's 10-page stack); the draft
// records it so the citizen comes back to the same question.
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { JourneyStepId } from '@/domain'
import { QuestionScreen } from '@/components/screens/QuestionScreen'
import { useCatalogue, useDrafts } from '@/stores/app'
import { cityRegions } from '@/stores/catalogue'
import { ROUTES, afterQuestion, currentQuestion, nearestHall, placeBefore, questionPosition, summaryText } from '@/stores/journey'
import { Frame, Loading } from '../../Frame'
import { go, home } from '../../nav'
import { useStep } from '../use-step'

export default function QuestionPage() {
  const { draft, template, guidance, router, templateError, retry, goTo, backTo } = useStep('questions')
  const returnTo = router.params.return as JourneyStepId | undefined
  const [questionId, setQuestionId] = useState<string | undefined>(router.params.q ?? undefined)
  const [error, setError] = useState<string>()
  const regions = useCatalogue((s) => s.regions)

  const q = guidance ? currentQuestion(guidance, questionId ?? draft?.place.questionId) : undefined
  useEffect(() => {
    if (draft && q) useDrafts.getState().setPlace(draft.id, { step: 'questions', questionId: q.id })
  }, [draft?.id, q?.id]) // eslint-disable-line react-hooks/exhaustive-deps

  if (!draft) return <Loading error='没有找到这份申请，请从首页重新开始' onHome={home} />
  if (!template || !guidance || !q) return <Loading error={templateError} onRetry={retry} onHome={home} />
  const view = guidance.questions.visible.find((v) => v.question.id === q.id) ?? { question: q, answered: false }

  const show = (id: string) => {
    setQuestionId(id)
    setError(undefined)
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
  }

  return (
    <Frame>
      <QuestionScreen
        bundleName={template.name}
        view={view}
        position={questionPosition(guidance, q.id)}
        summary={summaryText(guidance.summary)}
        stop={guidance.stop}
        stopHall={nearestHall(regions, draft.content.region)}
        onSaveAndLeave={() => go(ROUTES.drafts)}
        error={error}
        regionOptions={cityRegions(regions).map((r) => ({ value: r.code, label: r.name }))}
        onAnswer={(value) => {
          setError(undefined)
          if (value === undefined) useDrafts.getState().clearAnswer(draft.id, q.id)
          else useDrafts.getState().setAnswer(draft.id, q.id, value)
        }}
        onContinue={() => {
          if (!view.answered) {
            setError(view.error ?? '请回答此问题后继续')
            return
          }
          if (guidance.stop) return
          const next = afterQuestion(guidance, q.id, returnTo)
          if (next.step === 'questions' && next.questionId) show(next.questionId)
          // back to the page that sent the citizen here (核对信息), not a second copy of it on the stack
          else if (returnTo && next.step === returnTo) backTo(next)
          else goTo(next)
        }}
        onBack={() => {
          const prev = placeBefore(guidance, { step: 'questions', questionId: q.id })
          if (prev.step === 'questions' && prev.questionId) show(prev.questionId)
          else backTo(prev)
        }}
        onOtherBundle={(id) => Taro.navigateTo({ url: `${ROUTES.guide}?bundle=${encodeURIComponent(id)}` })}
      />
    </Frame>
  )
}
