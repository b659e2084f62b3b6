// 办件详情: the state in plain words and what awaits whom, the case's 红黄牌 and why the clock stopped, the
// 补正 notice (一次性告知), each matter's own timeline, withdrawal after a confirmation, the rating and its follow-up.
import { Text, View } from '@tarojs/components'
import { memo, useState } from 'react'
import type { EvaluationRequest , CaseView } from '@/domain/case'
import { BackLink } from '../BackLink'
import { AppButton } from '../Button'
import { Heading } from '../Heading'
import { Notice } from '../Notice'
import { ClockBadge } from './ClockBadge'
import { MatterCard } from './MatterCard'
import { RatingForm } from './RatingForm'
import './cases.css'

export interface CaseScreenProps {
  view: CaseView
  busy?: boolean
  /** the last action's refusal or failure */
  actionError?: string
  /** why the rating was not sent (the network, the platform): shown in the rating form, where it was tapped */
  ratingError?: string
  ratingErrors?: Record<string, string>
  staleNote?: string
  onSupplement: () => void
  onPay: (matterId: string) => void
  onWithdraw: () => void
  onRate: (r: EvaluationRequest) => void
  onCases: () => void
}

/** memo: the page renders again as its load settles; the screen only when what it shows changed */
export const CaseScreen = memo(function CaseScreen(p: CaseScreenProps) {
  const v = p.view
  const [confirming, setConfirming] = useState(false)
  return (
    <View className='ui-page'>
      <BackLink onTap={p.onCases}>‹ 我的办件</BackLink>
      <View className='ui-caption'>办件编号 {v.id}</View>
      <Heading level={1}>{v.bundleName}</Heading>
      <View className='ui-card'>
        <View className='ui-case-state' id='case-state'>
          {v.stateLabel}
        </View>
        <View className='ui-help'>{v.awaitingText}</View>
        <ClockBadge clock={v.clock} id='case-clock' />
        {v.pausedNote ? <View className='ui-paused'>{v.pausedNote}</View> : null}
        <View className='ui-help'>提交时间：{v.submitted}</View>
      </View>
      {p.staleNote ? <Notice tone='warning'>{p.staleNote}</Notice> : null}
      {p.actionError ? (
        <Notice tone='error' live='alert'>
          {p.actionError}
        </Notice>
      ) : null}
      {v.withdrawn ? <Notice tone='info'>您已于 {v.withdrawn} 撤回申请，部门不再办理。</Notice> : null}

      {v.supplement ? (
        <View className='ui-card ui-case-todo' role='group' aria-label='补正通知'>
          <Heading level={2}>需要您补正</Heading>
          <View className='ui-help'>部门于 {v.supplement.when} 一次性告知以下 {v.supplement.items.length} 项：</View>
          {v.supplement.items.map((i) => (
            <View key={i} className='ui-bullet'>
              {i}
            </View>
          ))}
          <View className='ui-promise__text'>部门说明：{v.supplement.message}</View>
          <View className='ui-help'>补正期间不计时，补正后继续办理。</View>
          <AppButton block onTap={p.onSupplement}>
            去补正
          </AppButton>
        </View>
      ) : null}

      <Heading level={2}>各事项办理进度</Heading>
      {v.matters.map((m) => (
        <MatterCard key={m.id} m={m} onPay={p.onPay} paying={p.busy} />
      ))}

      {v.canRate ? <RatingForm onSubmit={p.onRate} busy={p.busy} error={p.ratingError} fieldErrors={p.ratingErrors} /> : null}
      {v.rating ? (
        <View className='ui-card' role='group' aria-label='我的评价'>
          <Heading level={2}>我的评价</Heading>
          <View className='ui-strong'>{v.rating.level}</View>
          {v.rating.indicators.length ? <View>不满意的方面：{v.rating.indicators.join('、')}</View> : null}
          {v.rating.comment ? <Text className='ui-help'>“{v.rating.comment}”</Text> : null}
          <View className='ui-help'>评价时间：{v.rating.when}</View>
          {v.followUp ? (
            <View className='ui-followup'>
              <Heading level={3}>差评回访与整改</Heading>
              <View className='ui-bullet'>
                回访：{v.followUp.callback ? `已于 ${v.followUp.callback.when} 回访（${v.followUp.callback.note}）` : `部门将在 ${v.followUp.callbackDue} 前联系您`}
              </View>
              <View className='ui-bullet'>
                整改：{v.followUp.answer ? `已答复` : `${v.followUp.rectifyDue} 前完成整改并答复`}（{v.followUp.complex ? '复杂件 15 日' : '7 日'}）
              </View>
              {v.followUp.answer ? (
                <Notice tone='success'>
                  {v.followUp.answer.department}答复（{v.followUp.answer.when}）：{v.followUp.answer.text}
                </Notice>
              ) : null}
              <View className='ui-help'>您的身份信息不会提供给办理部门的工作人员。</View>
            </View>
          ) : null}
        </View>
      ) : null}

      {v.canWithdraw ? (
        <View className='ui-section'>
          {confirming ? (
            <View className='ui-card ui-confirm' role='alertdialog' aria-label='确认撤回申请'>
              <View className='ui-strong'>确定撤回这件申请吗？</View>
              <View className='ui-help'>撤回后各部门不再办理，已提交的信息不会删除；如需再办，要重新申请。</View>
              <AppButton variant='danger' busy={p.busy} onTap={() => p.onWithdraw()}>
                确认撤回
              </AppButton>
              <AppButton variant='secondary' onTap={() => setConfirming(false)}>
                不撤回
              </AppButton>
            </View>
          ) : (
            <AppButton variant='link' onTap={() => setConfirming(true)}>
              撤回申请
            </AppButton>
          )}
        </View>
      ) : null}
      <AppButton block variant='secondary' onTap={p.onCases}>
        返回我的办件
      </AppButton>
    </View>
  )
})
