// 在线咨询: choose the bundle, type the question (checked at the field, kept as typed), send; then 我的咨询 with
// each question's status (待答复 with the date it will be answered by, or 已答复). Presentational.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { QUESTION_MAX } from '@/domain/consult'
import { BackLink } from '../BackLink'
import { AppButton } from '../Button'
import { ChoiceGroup, type ChoiceOption } from '../ChoiceGroup'
import { Heading } from '../Heading'
import { Notice } from '../Notice'
import { TextArea } from '../TextArea'

export interface ConsultListItem {
  id: string
  bundleName: string
  question: string
  /** 待答复 / 已答复 */
  statusText: string
  /** "12月3日（周四）前答复" or "12月1日 10:00 已答复" */
  whenText: string
  answered: boolean
}

export interface ConsultScreenProps {
  /** signed out: what this is, and a sign-in button instead of the form */
  onSignIn?: () => void
  bundles: ChoiceOption[]
  bundlesError?: string
  bundleId?: string
  onBundle: (id: string) => void
  text: string
  onText: (text: string) => void
  fieldErrors: Record<string, string>
  error?: string
  busy: boolean
  onSubmit: () => void
  /** the question just sent: when it will be answered */
  sent?: { bundleName: string; dueText: string }
  questions: ConsultListItem[]
  loading: boolean
  listError?: string
  onOpen: (id: string) => void
  onBack: () => void
}

export function ConsultScreen(p: ConsultScreenProps) {
  // a bundle chosen already (from a guide's link, or the last question): one line, the list only to change it
  const [choosing, setChoosing] = useState(false)
  const chosen = p.bundles.find((b) => b.value === p.bundleId)
  const showList = choosing || !chosen || !!p.fieldErrors.bundleId
  return (
    <View className='ui-page'>
      <BackLink onTap={p.onBack} />
      <Heading level={1}>在线咨询</Heading>
      <View className='ui-lead'>写下您想问的，办理窗口会在 5 个工作日内答复，答复会发到“消息”。</View>

      {p.onSignIn ? (
        <View className='ui-card'>
          <View>登录后可以提问，也能查看您问过的问题和答复。</View>
          <AppButton block onTap={p.onSignIn}>
            登录
          </AppButton>
        </View>
      ) : (
        <View className='ui-card'>
          <Heading level={2}>我要咨询</Heading>
          {p.error ? (
            <Notice tone='error' live='alert'>
              {p.error}
            </Notice>
          ) : null}
          {p.bundlesError ? <Notice tone='error'>{p.bundlesError}</Notice> : null}
          {p.bundles.length && showList ? (
            <ChoiceGroup
              id='consult-bundle'
              legend='咨询哪件事？'
              options={p.bundles}
              value={p.bundleId}
              onChange={(v) => {
                setChoosing(false)
                p.onBundle(String(v))
              }}
              error={p.fieldErrors.bundleId}
            />
          ) : null}
          {chosen && !showList ? (
            <View className='ui-inline'>
              <View>
                咨询事项：<Text className='ui-strong'>{chosen.label}</Text>
              </View>
              <AppButton variant='link' onTap={() => setChoosing(true)} ariaLabel={`更换咨询事项（现在是${chosen.label}）`}>
                更换
              </AppButton>
            </View>
          ) : null}
          <TextArea
            id='consult-question'
            label='您的问题'
            help={`至少 5 个字，最多 ${QUESTION_MAX} 个字。请不要填写身份证号等个人信息。`}
            value={p.text}
            maxLength={QUESTION_MAX}
            onInput={p.onText}
            error={p.fieldErrors.question}
          />
          <AppButton block busy={p.busy} onTap={p.onSubmit}>
            提交咨询
          </AppButton>
          {p.sent ? (
            <Notice tone='success' live='status'>
              已提交关于“{p.sent.bundleName}”的咨询，将在 {p.sent.dueText}前答复，答复会发到“消息”。
            </Notice>
          ) : null}
        </View>
      )}

      {p.onSignIn ? null : (
        <View className='ui-section'>
          <Heading level={2}>我的咨询</Heading>
          {p.listError ? <Notice tone='warning'>{p.listError}</Notice> : null}
          {p.loading && !p.questions.length ? (
            <View className='ui-help' role='status'>
              正在加载…
            </View>
          ) : null}
          {!p.loading && !p.listError && !p.questions.length ? <View className='ui-help'>您还没有咨询过。</View> : null}
          {p.questions.map((q) => (
            <View key={q.id} className='ui-card'>
              <Heading level={3}>{q.bundleName}</Heading>
              <View className='ui-lines'>{q.question}</View>
              <View className='ui-inline'>
                <View className={`ui-tag ${q.answered ? '' : 'ui-tag--strong'}`}>{q.statusText}</View>
                <View className='ui-help'>{q.whenText}</View>
              </View>
              <AppButton variant='secondary' onTap={() => p.onOpen(q.id)} ariaLabel={`${q.answered ? '查看答复' : '查看'}：${q.bundleName}，${q.statusText}`}>
                {q.answered ? '查看答复' : '查看'}
              </AppButton>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
