// One situation question per screen: plain words, help, back link, the live summary, dead ends explained.
import { View } from '@tarojs/components'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { AnswerValue, Place, QuestionView, StopView } from '@/domain'
import { AppButton } from '../Button'
import { ChoiceGroup, type ChoiceOption } from '../ChoiceGroup'
import { Notice } from '../Notice'
import { StopPanel } from '../StopPanel'
import { SummaryBar } from '../SummaryBar'
import { TextField } from '../TextField'
import { focusById } from '../reveal'
import { BackLink } from '../BackLink'

export interface QuestionScreenProps {
  bundleName: string
  view: QuestionView
  position: { index: number; total: number }
  summary: string
  stop?: StopView
  /** shown after 继续 without a valid answer */
  error?: string
  regionOptions?: ChoiceOption[]
  onAnswer: (value: AnswerValue | undefined) => void
  onContinue: () => void
  onBack: () => void
  onOtherBundle?: (id: string) => void
  /** a dead end: the region's service hall when the stop names no place */
  stopHall?: Place
  /** a dead end: leave with the draft kept */
  onSaveAndLeave?: () => void
  /** 朗读: reads the question, its help and its choices aloud; absent where the device cannot */
  onReadAloud?: (text: string) => void
  /** 长辈版: the choices first, the help behind "这是什么意思？" (朗读 still reads it) */
  foldHelp?: boolean
  /** e-licences the citizen holds that would answer questions still to come, with their names */
  licenceOffer?: { names: string; questions: number }
  /** the offer of records shared about someone else (a deceased's), rendered by the page */
  recordCard?: ReactNode
  onConsent?: () => void
  consentBusy?: boolean
  consentError?: string
}

const FULL_WIDTH_DIGITS = /[０-９．]/g

export function parseNumber(text: string): number | undefined {
  const t = text.trim().replace(FULL_WIDTH_DIGITS, (c) => (c === '．' ? '.' : String(c.charCodeAt(0) - 0xff10)))
  if (!/^-?\d+(\.\d+)?$/.test(t)) return undefined
  return Number(t)
}

/** What 朗读 says: the question, its help, then the choices (or the unit to answer in). */
export function readAloudText(text: string, help: string | undefined, choices: ChoiceOption[], unit?: string): string {
  const end = (s: string) => (/[。？！?]$/.test(s) ? s : `${s}。`)
  const parts = [end(text)]
  if (help) parts.push(end(help))
  if (choices.length) parts.push(`选项有：${choices.map((c) => c.label).join('；')}。`)
  else if (unit) parts.push(`请填写数字，单位是${unit}。`)
  return parts.join('')
}

export function QuestionScreen(props: QuestionScreenProps) {
  const { bundleName, view, position, summary, stop, error, regionOptions, onAnswer, onContinue, onBack, onOtherBundle, stopHall, onSaveAndLeave, onReadAloud, foldHelp, licenceOffer, onConsent, consentBusy, consentError, recordCard } = props
  const q = view.question
  // help with the region and parameter values filled in
  const help = view.help ?? q.help
  const [helpOpen, setHelpOpen] = useState(false)
  // the help shown with the question (folded: under "这是什么意思？" after the choices)
  const shownHelp = foldHelp ? undefined : help
  // letters in a number question: said as such, not as "unanswered"
  const [notNumber, setNotNumber] = useState<string>()
  const shownError = notNumber ?? error ?? view.error
  // number questions keep the text as typed: "12." is not lost while the citizen is typing
  const [text, setText] = useState(typeof view.answer === 'number' ? String(view.answer) : '')
  // a new question: move focus to its heading so screen readers read it (not on the first one)
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    focusById(`q-${q.id}-legend`, `q-${q.id}-label`)
  }, [q.id])
  useEffect(() => {
    setText(typeof view.answer === 'number' ? String(view.answer) : '')
    setNotNumber(undefined)
    setHelpOpen(false)
    // only when another question is shown
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q.id])

  let input
  let choices: ChoiceOption[] = []
  if (q.kind === 'number') {
    input = (
      <TextField
        id={`q-${q.id}`}
        label={q.text}
        labelAsHeading
        help={shownHelp}
        value={text}
        kind='digit'
        unit={q.unit}
        error={shownError}
        onInput={(v) => {
          setText(v)
          setNotNumber(undefined)
          onAnswer(parseNumber(v))
        }}
      />
    )
  } else {
    const NONE = '__none__'
    const base: ChoiceOption[] =
      q.kind === 'yesno'
        ? [
            { value: 'yes', label: '是' },
            { value: 'no', label: '否' },
          ]
        : q.kind === 'region'
          ? regionOptions ?? []
          : (q.options ?? []).map((o) => ({ value: o.value, label: o.label, help: view.optionHelp?.[o.value] ?? o.help }))
    // "以上都没有" makes "none" an answer of its own, so nothing is left unanswered by accident: the template's
    // own exclusive option when it has one (never a second one), else an empty list
    const ownNone = q.options?.find((o) => o.exclusive)?.value
    const options = q.kind === 'multiple' && !ownNone ? [...base, { value: NONE, label: '以上都没有' }] : base
    const alone = new Set([ownNone ?? NONE, ...(q.options ?? []).filter((o) => o.exclusive).map((o) => o.value)])
    choices = options
    let value: string | string[] | undefined
    if (q.kind === 'yesno') value = view.answer === true ? 'yes' : view.answer === false ? 'no' : undefined
    else if (q.kind === 'multiple') value = Array.isArray(view.answer) ? (view.answer.length || ownNone ? (view.answer as string[]) : [NONE]) : []
    else value = view.answer as string | undefined
    const change = (v: string | string[]) => {
      if (q.kind === 'yesno') onAnswer(v === 'yes')
      else if (q.kind === 'multiple' && Array.isArray(v)) {
        const before = Array.isArray(value) ? value : []
        // an exclusive option just ticked stands alone; ticking anything else clears it
        const added = v.find((x) => !before.includes(x))
        const next = added !== undefined && alone.has(added) ? [added] : v.filter((x) => !alone.has(x))
        onAnswer(next.filter((x) => x !== NONE))
      } else onAnswer(v)
    }
    input = (
      <ChoiceGroup
        id={`q-${q.id}`}
        legend={q.text}
        legendAsHeading
        help={q.kind === 'multiple' ? [shownHelp?.replace(/。$/, ''), '可多选'].filter(Boolean).join('。') : shownHelp}
        options={options}
        multiple={q.kind === 'multiple'}
        value={value}
        error={shownError}
        large
        onChange={change}
      />
    )
  }

  return (
    <View className='ui-page'>
      <BackLink onTap={onBack} />
      <View className='ui-caption'>
        {bundleName} · 问题 {position.index} / 共 {position.total}
      </View>
      {onReadAloud ? (
        <AppButton variant='secondary' onTap={() => onReadAloud(readAloudText(q.text, help, choices, q.unit))}>
          朗读本题
        </AppButton>
      ) : null}
      {view.fromData ? (
        <Notice tone='info'>已根据您的信息填好（{view.fromData.sourceLabel}），请核对；如有不同，请直接修改。</Notice>
      ) : null}
      {input}
      {foldHelp && help ? (
        <View className='ui-section'>
          <AppButton variant='secondary' block id={`q-${q.id}-help-toggle`} ariaExpanded={helpOpen} ariaControls={helpOpen ? `q-${q.id}-more` : undefined} onTap={() => setHelpOpen(!helpOpen)}>
            {helpOpen ? '收起说明' : '这是什么意思？'}
          </AppButton>
          {helpOpen ? (
            <View id={`q-${q.id}-more`} className='ui-help'>
              {help}
            </View>
          ) : null}
        </View>
      ) : null}
      {licenceOffer && onConsent ? (
        <View className='ui-card ui-offer'>
          <View className='ui-lead'>
            平台有您的电子{licenceOffer.names}。同意使用后，{licenceOffer.questions} 个问题由证照上的信息回答，您只需核对。
          </View>
          <AppButton variant='secondary' busy={consentBusy} onTap={onConsent}>
            同意使用电子{licenceOffer.names}
          </AppButton>
        </View>
      ) : null}
      {consentError ? (
        <Notice tone='error' live='alert'>
          {consentError}
        </Notice>
      ) : null}
      {recordCard}
      {stop ? <StopPanel stop={stop} hall={stopHall} onOtherBundle={onOtherBundle} onSaveAndLeave={onSaveAndLeave} /> : null}
      <SummaryBar text={summary} />
      <AppButton
        block
        onTap={() => {
          if (q.kind === 'number' && text.trim() && parseNumber(text) === undefined) setNotNumber('请只填写数字，例如 50')
          else onContinue()
        }}
        disabled={!!stop}
      >
        继续
      </AppButton>
      {/* WeChat: the bar's back leaves the questions; this goes to the one before (H5's ‹ 返回 does both) */}
      {process.env.TARO_ENV !== 'h5' && position.index > 1 ? (
        <AppButton variant='secondary' block onTap={onBack}>
          上一题
        </AppButton>
      ) : null}
    </View>
  )
}
