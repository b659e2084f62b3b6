// Check answers: every answer, field, material and choice, with 修改 links. The submit area (exactly once)
// follows it on the review page (src/pages/journey/submit/SubmitSection.tsx).
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { Guidance, MaterialMode } from '@/domain'
import { AppButton } from '../Button'
import { DELIVERY_LABELS, HANDLING_LABELS, displayValue, yuan } from '../format'
import { SampleMark } from '../SampleMark'
import { Heading } from '../Heading'
import { SummaryBar } from '../SummaryBar'
import { BackLink } from '../BackLink'

export interface ReviewScreenProps {
  bundleName: string
  guidance: Guidance
  summary: string
  /** "12月15日（周二）前办结", with the estimate note when it is one */
  dueText: string
  delivery?: { method: keyof typeof DELIVERY_LABELS; text?: string }
  handling?: keyof typeof HANDLING_LABELS
  fileNames: Record<string, string[]>
  onChange: (step: 'questions' | 'form' | 'materials' | 'delivery', questionId?: string) => void
  onBack: () => void
  /** what follows the check (parties, signature, 提交申请): inside the page, with its margins */
  children?: ReactNode
}

const MODE_TEXT: Record<MaterialMode, string> = {
  licence: '使用电子证照',
  'in-bundle': '本次办理中产生',
  shared: '部门共享获取',
  original: '到窗口核验原件',
  upload: '已上传',
  promise: '告知承诺',
  defer: '稍后补交',
}

export function ReviewScreen({ bundleName, guidance, summary, dueText, delivery, handling, fileNames, onChange, onBack, children }: ReviewScreenProps) {
  return (
    <View className='ui-page'>
      <BackLink onTap={onBack} />
      <View className='ui-caption'>{bundleName}</View>
      <Heading level={1}>核对申请信息</Heading>
      <SummaryBar text={summary} detail={`需办理：${guidance.matters.map((m) => `${m.matter.name}（${m.matter.department}）`).join('、')}；${dueText}`} />
      <Heading level={2}>您的情况</Heading>
      <View className='ui-card'>
        {guidance.questions.visible.map((q) => (
          <View key={q.question.id} className='ui-row ui-row--check'>
            <Text className='ui-row__key'>{q.question.text}</Text>
            <Text className='ui-row__value'>
              {q.answerLabel ?? '未填写'}
              {q.fromData ? `（${q.fromData.sourceLabel}，请核对）` : ''}
            </Text>
            <AppButton variant='link' ariaLabel={`修改：${q.question.text}`} onTap={() => onChange('questions', q.question.id)}>
              修改
            </AppButton>
          </View>
        ))}
      </View>
      {guidance.fields.sections.map((s) => (
        <View key={s.section.id}>
          <Heading level={2}>{s.section.title}</Heading>
          <View className='ui-card'>
            {[...s.fields, ...s.groups.flatMap((g) => g.items.flatMap((item) => item.fields.map((f) => ({ ...f, field: { ...f.field, label: `${item.label}：${f.field.label}` } }))))].map((f) => (
              <View key={f.id} className='ui-row ui-row--check'>
                <Text className='ui-row__key'>{f.field.label}</Text>
                <Text className='ui-row__value'>{f.value ? displayValue({ ...f.field, sensitive: true }, f.value) : '未填写'}</Text>
                {f.prefill ? (
                  <Text className='ui-help'>{f.prefill.sourceLabel}</Text>
                ) : (
                  <AppButton variant='link' ariaLabel={`修改：${f.field.label}`} onTap={() => onChange('form')}>
                    修改
                  </AppButton>
                )}
              </View>
            ))}
          </View>
        </View>
      ))}
      {guidance.fees.length || guidance.contributions.length ? (
        <View>
          <Heading level={2}>费用</Heading>
          <View className='ui-card' id='review-fees'>
            {guidance.fees.map((f) => (
              <View key={`${f.matterId}-${f.item}`} className='ui-row'>
                <Text className='ui-row__key'>{f.item}</Text>
                <Text className='ui-row__value'>
                  {yuan(f.amountYuan)}
                  {f.sample ? <SampleMark /> : null}
                </Text>
              </View>
            ))}
            {guidance.fees.length ? <View className='ui-strong'>收费合计：{yuan(guidance.feeTotalYuan)}</View> : <View>不收费</View>}
            {guidance.contributions.length ? (
              <View>
                <View className='ui-label'>另需缴纳（社会保险，不属于办事收费）</View>
                {guidance.contributions.map((c) => (
                  <View key={`${c.matterId}-${c.item}`} className='ui-row'>
                    <Text className='ui-row__key'>{c.item}</Text>
                    <Text className='ui-row__value'>
                      {c.amountText}
                      {c.sample ? <SampleMark /> : null}
                    </Text>
                  </View>
                ))}
              </View>
            ) : null}
          </View>
        </View>
      ) : null}
      {guidance.deadline.matters.some((m) => m.paused.length) ? (
        <View className='ui-help'>
          不计入办理时限的期间：
          {guidance.deadline.matters
            .filter((m) => m.paused.length)
            .map((m) => `${m.name}（${m.paused.map((p) => p.name).join('、')}）`)
            .join('；')}
        </View>
      ) : null}
      <Heading level={2}>材料</Heading>
      <View className='ui-card'>
        {guidance.materials.map((m) => (
          <View key={m.id} className='ui-row ui-row--check'>
            <Text className='ui-row__key'>
              {m.material.name}
              {m.item ? `（${m.item.label}）` : ''}
            </Text>
            <Text className='ui-row__value'>
              {m.chosen ? (m.chosen === 'promise' && m.party ? `由${m.party.label}确认时承诺` : MODE_TEXT[m.chosen]) : '未选择'}
              {m.chosen === 'upload' && fileNames[m.id]?.length ? `：${fileNames[m.id].join('、')}` : ''}
            </Text>
            <AppButton variant='link' ariaLabel={`修改：${m.material.name}`} onTap={() => onChange('materials')}>
              修改
            </AppButton>
          </View>
        ))}
      </View>
      {delivery ? (
        <View>
          <Heading level={2}>领取方式</Heading>
          <View className='ui-card ui-row ui-row--check'>
            <Text className='ui-row__value'>
              {handling ? `${HANDLING_LABELS[handling]}；` : ''}
              {DELIVERY_LABELS[delivery.method]}
              {delivery.text ? `：${delivery.text}` : ''}
            </Text>
            <AppButton variant='link' ariaLabel='修改领取方式' onTap={() => onChange('delivery')}>
              修改
            </AppButton>
          </View>
        </View>
      ) : null}
      {children}
    </View>
  )
}
