// One 在线咨询 question with its answer (or when it will be answered). Presentational.
import { View } from '@tarojs/components'
import { BackLink } from '../BackLink'
import { AppButton } from '../Button'
import { Heading } from '../Heading'
import { Notice } from '../Notice'

export interface ConsultQuestionScreenProps {
  question?: {
    bundleName: string
    question: string
    askedText: string
    statusText: string
    /** absent until answered */
    answer?: { text: string; byText: string }
    dueText: string
  }
  error?: string
  /** signed out: a sign-in button instead of the question */
  onSignIn?: () => void
  onBack: () => void
}

export function ConsultQuestionScreen(p: ConsultQuestionScreenProps) {
  const q = p.question
  return (
    <View className='ui-page'>
      <BackLink onTap={p.onBack} />
      <Heading level={1}>咨询详情</Heading>
      {p.onSignIn ? (
        <View className='ui-card'>
          <View>登录后可以查看您的咨询和答复。</View>
          <AppButton block onTap={p.onSignIn}>
            登录
          </AppButton>
        </View>
      ) : null}
      {p.error && !p.onSignIn ? <Notice tone='error'>{p.error}</Notice> : null}
      {!q && !p.error && !p.onSignIn ? (
        <View className='ui-help' role='status'>
          正在加载…
        </View>
      ) : null}
      {q ? (
        <View>
          <View className='ui-card'>
            <Heading level={2}>{q.bundleName}</Heading>
            <View className='ui-lines'>{q.question}</View>
            <View className='ui-help'>{q.askedText} 提问</View>
            <View className='ui-inline'>
              <View className={`ui-tag ${q.answer ? '' : 'ui-tag--strong'}`}>{q.statusText}</View>
              {q.answer ? null : <View className='ui-help'>{q.dueText}前答复，答复会发到“消息”。</View>}
            </View>
          </View>
          {q.answer ? (
            <View className='ui-card'>
              <Heading level={2}>答复</Heading>
              <View className='ui-lines'>{q.answer.text}</View>
              <View className='ui-help'>{q.answer.byText}</View>
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
