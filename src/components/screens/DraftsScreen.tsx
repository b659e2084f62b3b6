import { View } from '@tarojs/components'
import { useState } from 'react'
import { AppButton } from '../Button'
import { Heading } from '../Heading'
import { SignInEntry } from '../SignInEntry'
import { BackLink } from '../BackLink'
import { focusById } from '../reveal'

export interface DraftItem {
  id: string
  bundleName: string
  stepLabel: string
  updatedText: string
}

export interface DraftsScreenProps {
  drafts: DraftItem[]
  onResume: (id: string) => void
  onDelete: (id: string) => void
  onBack: () => void
  /** signed out: the way to sign in (drafts of other devices appear once signed in) */
  signIn?: { onSignIn: () => void; busy?: boolean }
  /** a co-applicant confirms an application someone else filed (二手房's buyer) */
  onConfirmOthers?: () => void
}

/**
 * 我的草稿: resume where the citizen left off (on whichever device), or delete after asking. The question is
 * asked on the card itself, not in a pop-up (长辈版: no pop-ups; a screen reader stays on the page).
 */
export function DraftsScreen({ drafts, onResume, onDelete, onBack, signIn, onConfirmOthers }: DraftsScreenProps) {
  const [asking, setAsking] = useState<string>()
  return (
    <View className='ui-page'>
      <BackLink onTap={onBack} />
      <Heading level={1}>我的草稿</Heading>
      {signIn ? <SignInEntry text='登录后，您在其他手机、电脑上保存的草稿也会显示在这里，这里的草稿也会同步过去。' onSignIn={signIn.onSignIn} busy={signIn.busy} /> : null}
      {drafts.length === 0 ? <View className='ui-help'>暂无草稿。开始办理一件事后，填写的内容会自动保存在这里。</View> : null}
      {onConfirmOthers ? (
        <AppButton variant='link' onTap={onConfirmOthers}>
          确认他人发起的申请（输入确认码）
        </AppButton>
      ) : null}
      {drafts.map((d) => (
        <View key={d.id} className='ui-card'>
          <Heading level={2}>{d.bundleName}</Heading>
          <View className='ui-help'>
            上次到：{d.stepLabel} · {d.updatedText}
          </View>
          {asking === d.id ? (
            <View className='ui-notice ui-notice--warning' role='group' aria-labelledby={`delete-${d.id}-q`}>
              <View id={`delete-${d.id}-q`} className='ui-strong' tabIndex={-1}>
                删除后，已填写的内容将无法恢复。确定删除“{d.bundleName}”的草稿吗？
              </View>
              <View className='ui-inline'>
                <AppButton variant='danger' onTap={() => onDelete(d.id)}>
                  确定删除
                </AppButton>
                <AppButton variant='secondary' onTap={() => setAsking(undefined)}>
                  不删除
                </AppButton>
              </View>
            </View>
          ) : (
            <View className='ui-inline'>
              <AppButton onTap={() => onResume(d.id)} ariaLabel={`继续办理${d.bundleName}`}>
                继续办理
              </AppButton>
              <AppButton
                variant='danger'
                onTap={() => {
                  setAsking(d.id)
                  setTimeout(() => focusById(`delete-${d.id}-q`), 0)
                }}
                ariaLabel={`删除${d.bundleName}的草稿`}
              >
                删除
              </AppButton>
            </View>
          )}
        </View>
      ))}
    </View>
  )
}
