// One matter of a case: its own stages with dates, the department and its contact, its clock, a refusal with
// the remedies and their time limits, its fee and receipt, and its result (e-licence, EMS, pickup code).
import { View } from '@tarojs/components'
import type { MatterProgressView } from '@/domain/case'
import { AppButton } from '../Button'
import { Heading } from '../Heading'
import { Notice } from '../Notice'
import { QrCode } from '../QrCode'
import { SampleMark } from '../SampleMark'
import { ClockBadge } from './ClockBadge'

const STAGE_MARK = { done: '✓', current: '●', pending: '○', refused: '✕' } as const
const STAGE_WORD = { done: '已完成', current: '进行中', pending: '未开始', refused: '未通过' } as const

export function MatterCard({ m, onPay, paying }: { m: MatterProgressView; onPay?: (matterId: string) => void; paying?: boolean }) {
  return (
    <View className='ui-card ui-matter' id={`matter-${m.id}`}>
      <Heading level={3}>{m.name}</Heading>
      <View className='ui-matter__meta'>
        {m.authority || m.department} · {m.kindText} · <View className='ui-inline-strong'>{m.stateText}</View>
      </View>
      <View role='list' aria-label={`${m.name}的办理环节`} className='ui-stages'>
        {m.stages.map((s) => (
          <View role='listitem' key={s.label} className={`ui-stage ui-stage--${s.state}`}>
            <View className='ui-stage__mark' aria-hidden>
              {STAGE_MARK[s.state]}
            </View>
            <View className='ui-stage__label'>{s.label}</View>
            <View className='ui-stage__when'>{s.when ?? STAGE_WORD[s.state]}</View>
          </View>
        ))}
      </View>
      <ClockBadge clock={m.clock} />
      {m.refusal ? (
        <View className='ui-refusal' role='group' aria-label={m.refusal.title}>
          <View className='ui-strong'>
            {m.refusal.title}（{m.refusal.when}）
          </View>
          <View>理由：{m.refusal.reason}</View>
          <View className='ui-strong ui-refusal__remedies'>如不服，您可以：</View>
          {m.refusal.remedies.map((r) => (
            <View key={r.name} className='ui-bullet'>
              {r.name}：{r.within}（{r.until}前）{r.how}
            </View>
          ))}
        </View>
      ) : null}
      {m.fee ? (
        <View className='ui-fee'>
          <View className='ui-strong'>{m.fee.due ? `待缴费：${m.fee.total}` : m.fee.paidWhen ? `已缴费：${m.fee.total}` : `费用：${m.fee.total}`}</View>
          {m.fee.items.map((f) => (
            <View key={f.item} className='ui-help'>
              {f.item} {f.amount}
              {f.sample ? <SampleMark /> : null}
              {f.basis ? `（收费依据：${f.basis}）` : ''}
            </View>
          ))}
          {m.fee.due ? (
            <View>
              <Notice tone='warning'>未缴费期间不计时，缴费后部门继续办理。</Notice>
              {onPay ? (
                <AppButton busy={paying} onTap={() => onPay(m.id)} ariaLabel={`缴纳 ${m.fee.total}（${m.name}费用）`}>
                  缴纳 {m.fee.total}
                </AppButton>
              ) : null}
            </View>
          ) : null}
          {m.fee.receipt ? (
            <View className='ui-receipt' role='group' aria-label='电子票据'>
              <View className='ui-strong'>电子票据（财政电子票据）</View>
              <View className='ui-help'>
                票据号 {m.fee.receipt.number} · 交款人 {m.fee.receipt.payer} · {m.fee.receipt.amount} · {m.fee.receipt.when}
              </View>
            </View>
          ) : null}
        </View>
      ) : null}
      {m.result ? (
        <View className='ui-result'>
          <View className='ui-strong'>办理结果：{m.result.name}</View>
          {m.result.licence ? (
            <View className='ui-help'>
              电子证照“{m.result.licence.title}”（{m.result.licence.number}）已放入您的卡包，以后办事可直接使用。
            </View>
          ) : null}
          {m.result.online && !m.result.licence ? <View className='ui-help'>结果已在线送达。</View> : null}
          {m.result.ems ? (
            <View role='group' aria-label='邮寄进度'>
              <View>EMS 运单号 {m.result.ems.waybill}{m.result.ems.signed ? '（已签收）' : ''}</View>
              {m.result.ems.events.length ? (
                m.result.ems.events.map((e) => (
                  <View key={e.when + e.text} className='ui-bullet'>
                    {e.when} {e.text}
                  </View>
                ))
              ) : (
                <View className='ui-help'>等待快递揽收</View>
              )}
            </View>
          ) : null}
          {m.result.pickup ? (
            <View role='group' aria-label='领取'>
              <View>
                {m.result.pickup.collected ? '已领取。' : '请带身份证件到以下地点领取：'}
                {m.result.pickup.hall}（{m.result.pickup.address}）
              </View>
              <View className='ui-help'>
                办公时间：{m.result.pickup.hours} · 电话 {m.result.pickup.phone}
              </View>
              {!m.result.pickup.collected ? (
                <View className='ui-qr-box'>
                  <View className='ui-strong'>取件码 {m.result.pickup.code}</View>
                  <QrCode text={m.result.pickup.code} label={`取件码 ${m.result.pickup.code} 的二维码`} sizePx={160} />
                </View>
              ) : null}
            </View>
          ) : null}
        </View>
      ) : null}
      <View className='ui-help ui-matter__contact'>
        咨询：{m.department} {m.contact.phone} · {m.contact.address}
      </View>
      <View className='ui-events' role='list' aria-label={`${m.name}的办理记录`}>
        {m.events.map((e, i) => (
          <View role='listitem' key={i} className='ui-event'>
            <View className='ui-event__when'>{e.when}</View>
            <View>{e.note}</View>
          </View>
        ))}
      </View>
    </View>
  )
}
