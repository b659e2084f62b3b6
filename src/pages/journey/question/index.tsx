// Situation questions, one per page visit: each question has its own URL (`q=`), so Back (the browser's, WeChat's
// bar) steps through them and a reload shows the same question. The draft records where the citizen is.
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { JourneyStepId } from '@/domain'
import { QuestionScreen } from '@/components/screens/QuestionScreen'
import { useCatalogue, useDrafts, usePreferences, useSession } from '@/stores/app'
import { useShallow } from 'zustand/react/shallow'
import { licenceNamesOf } from '@/domain/template/licence-kinds'
import { heldLicenceKinds } from '@/stores/session'
import { cityRegions } from '@/stores/catalogue'
import type { JourneyPlace } from '@/stores/draft'
import { ROUTES, afterQuestion, deceasedLookupRefusal, questionLicenceOffers, sharedRecordQuestions, currentQuestion, nearestHall, placeBefore, questionPosition, summaryText, urlOf } from '@/stores/journey'
import { Frame, Loading } from '../../Frame'
import { back, go, home, replace } from '../../nav'
import { canSpeak, speak } from '@/services/speech'
import { useStep } from '../use-step'
import { DeceasedRecordCard } from '@/components/DeceasedRecordCard'
import { toBeijingDate } from '@/domain/calendar'

// WeChat's stack holds 10 pages. Questions are pushed (the bar's back steps through them) while fewer than 8
// pages are open, then replace each other; going on to the form closes them first, so home · guide · form ·
// 材料 · … keep room for sign-in and 隐私政策. H5 keeps every step in the browser's history.
const QUESTION_STACK = 8
const weapp = process.env.TARO_ENV === 'weapp'

function toQuestion(url: string): void {
  if (weapp && Taro.getCurrentPages().length >= QUESTION_STACK) replace(url)
  else go(url)
}

function leaveQuestions(url: string): void {
  const pages = Taro.getCurrentPages()
  let n = 0
  while (weapp && n < pages.length - 1 && (pages[pages.length - 1 - n].route ?? '').replace(/^\//, '') === ROUTES.questions.slice(1)) n++
  if (n === 0) return go(url)
  void Taro.navigateBack({ delta: n }).then(() => go(url))
}

// 朗读 where the browser can speak (H5 with speech synthesis; never on WeChat)
const speakable = canSpeak()

export default function QuestionPage() {
  const { draft, template, guidance, router, templateError, retry, backTo } = useStep('questions')
  const returnTo = router.params.return as JourneyStepId | undefined
  const asked = router.params.q ? decodeURIComponent(router.params.q) : undefined
  const [error, setError] = useState<string>()
  const regions = useCatalogue((s) => s.regions)
  const licenceKinds = useCatalogue((s) => s.licenceKinds)
  const elderMode = usePreferences((s) => s.elderMode)
  const session = useSession(useShallow((s) => ({ licences: s.licences, licenceData: s.licenceData, consentLicence: s.consentLicence, signedIn: s.status === 'signed-in', profile: s.profile })))
  const [consent, setConsent] = useState<{ busy?: boolean; error?: string }>({})
  const shared = useSession((s) => (draft?.content.sharedRecord ? s.sharedRecords[draft.content.sharedRecord] : undefined))
  const [lookup, setLookup] = useState<{ busy?: boolean; fieldError?: string; refusal?: string }>({})

  const q = guidance ? currentQuestion(guidance, asked ?? draft?.place.questionId) : undefined
  // only the page on top navigates: earlier questions stay alive below it (and hear answer changes too)
  const shown = useRef(true)
  const leaving = useRef(false)
  useDidHide(() => {
    shown.current = false
  })
  // the URL names the question shown: without one (or one no longer asked), the question shown gets its own
  // URL; with it, the draft records that the citizen is here
  const settle = () => {
    if (!shown.current || leaving.current || !draft || !q) return
    if (q.id !== asked) {
      leaving.current = true
      replace(urlOf({ step: 'questions', questionId: q.id }, draft, returnTo ? { return: returnTo } : {}))
    } else useDrafts.getState().setPlace(draft.id, { step: 'questions', questionId: q.id })
  }
  useEffect(settle, [draft?.id, q?.id, asked]) // eslint-disable-line react-hooks/exhaustive-deps
  // back on an earlier question (the browser's or WeChat's back): that is where the citizen is now
  useDidShow(() => {
    shown.current = true
    settle()
  })

  if (!draft) return <Loading error='没有找到这份申请，请从首页重新开始' onHome={home} />
  if (!template || !guidance || !q) return <Loading error={templateError} onRetry={retry} onHome={home} />
  const view = guidance.questions.visible.find((v) => v.question.id === q.id) ?? { question: q, answered: false }
  const withReturn = (place: JourneyPlace) => urlOf(place, draft, returnTo ? { return: returnTo } : {})
  const offer = questionLicenceOffers(guidance, heldLicenceKinds(session), session.licenceData)
  const names = licenceNamesOf(licenceKinds)
  const consentAll = async () => {
    setConsent({ busy: true })
    for (const kind of offer.kinds) {
      if (!(await session.consentLicence(kind, template.id))) return setConsent({ error: useSession.getState().error })
      useDrafts.getState().addLicence(draft.id, kind)
    }
    setConsent({})
  }

  const records = sharedRecordQuestions(guidance)
  // the deceased is identified once by ID number, sent in a request body only and only when the platform's own
  // rules would not refuse it (stores/journey.ts deceasedLookupRefusal)
  const lookUp = async (idNumber: string) => {
    const refused = deceasedLookupRefusal({ idNumber: session.profile?.idNumber, heldLicences: heldLicenceKinds(session) }, idNumber, toBeijingDate(new Date().toISOString()))
    if (refused) return setLookup(refused.field ? { fieldError: refused.error } : { refusal: refused.error })
    setLookup({ busy: true })
    const r = await useSession.getState().openDeceasedRecord(idNumber, template.id)
    if ('handle' in r) {
      useDrafts.getState().setSharedRecord(draft.id, r.handle)
      setLookup({})
    } else setLookup(r.field ? { fieldError: r.error } : { refusal: r.error })
  }
  const recordCard =
    records.kind === 'deceased' && session.signedIn && (shared || records.open > 0) ? (
      <DeceasedRecordCard
        questions={records.open}
        found={shared ? { subject: shared.subject, subjectIdNumber: shared.subjectIdNumber, basis: shared.basis, answered: records.answered } : undefined}
        busy={lookup.busy}
        fieldError={lookup.fieldError}
        refusal={lookup.refusal}
        onLookUp={(id) => void lookUp(id)}
        onStopUsing={() => useDrafts.getState().setSharedRecord(draft.id, undefined)}
      />
    ) : undefined

  return (
    <Frame>
      <QuestionScreen
        bundleName={template.name}
        onReadAloud={speakable ? speak : undefined}
        foldHelp={elderMode}
        licenceOffer={offer.kinds.length ? { names: offer.kinds.map((k) => names[k]?.shortName ?? names[k]?.name ?? k).join('、'), questions: offer.questions } : undefined}
        onConsent={() => void consentAll()}
        consentBusy={consent.busy}
        consentError={consent.error}
        recordCard={recordCard}
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
          if (next.step === 'questions') toQuestion(withReturn(next))
          // back to the page that sent the citizen here (核对信息), not a second copy of it on the stack
          else if (returnTo && next.step === returnTo) backTo(next)
          else leaveQuestions(urlOf(next, draft))
        }}
        onBack={() => {
          const prev = placeBefore(guidance, { step: 'questions', questionId: q.id })
          if (prev.step === 'questions') back(withReturn(prev))
          else backTo(prev)
        }}
        onOtherBundle={(id) => Taro.navigateTo({ url: `${ROUTES.guide}?bundle=${encodeURIComponent(id)}` })}
      />
    </Frame>
  )
}
