// The bundle's guide was republished while the citizen was filing: what moving to the new version means
// (what no longer carries forward and why, matters added or no longer needed, the new summary, what is still
// needed), and one button to confirm. Takes focus when shown, so the citizen hears it at once.
import { Text, View } from '@tarojs/components'
import { useEffect, useRef } from 'react'
import { AppButton } from './Button'
import { Heading } from './Heading'

export interface TemplateChangesProps {
  bundleName: string
  fromVersion: number
  toVersion: number
  dropped: { id: string; kind: string; label: string; reason: string }[]
  mattersAdded: string[]
  mattersRemoved: string[]
  summaryBefore: string
  summaryAfter: string
  /** what the new version still needs (labels) */
  needed: string[]
  confirmLabel: string
  busy?: boolean
  onConfirm: () => void
  /** e.g. 暂不继续 on 我的草稿 */
  cancelLabel?: string
  onCancel?: () => void
}

export const TEMPLATE_CHANGES_ID = 'template-changes'

export function TemplateChanges(p: TemplateChangesProps) {
  const ref = useRef<HTMLElement | null>(null)
  useEffect(() => {
    ref.current?.focus?.()
  }, [p.toVersion])
  return (
    <View className='ui-notice ui-notice--warning' id={TEMPLATE_CHANGES_ID} tabIndex={-1} ref={ref as never} role='region' aria-labelledby={`${TEMPLATE_CHANGES_ID}-title`}>
      <Heading level={2} id={`${TEMPLATE_CHANGES_ID}-title`}>
        办事指南已更新
      </Heading>
      <View className='ui-lead'>
        “{p.bundleName}”的办事指南已由第 {p.fromVersion} 版更新为第 {p.toVersion} 版，全省按新版受理。您已填写的内容会带到新版，请确认以下变化：
      </View>
      {p.dropped.length ? (
        <View className='ui-section'>
          <Heading level={3}>不再保留的内容</Heading>
          {p.dropped.map((d) => (
            <View key={`${d.kind}:${d.id}`} className='ui-row'>
              <Text className='ui-row__key'>{d.label}</Text>
              <Text className='ui-row__value'>{d.reason}</Text>
            </View>
          ))}
        </View>
      ) : (
        <View className='ui-help'>您已填写的内容全部保留。</View>
      )}
      {p.mattersAdded.length ? <View className='ui-help'>新增办理事项：{p.mattersAdded.join('、')}</View> : null}
      {p.mattersRemoved.length ? <View className='ui-help'>不再需要办理：{p.mattersRemoved.join('、')}</View> : null}
      {p.summaryBefore !== p.summaryAfter ? (
        <View className='ui-help'>
          更新前：{p.summaryBefore}；更新后：{p.summaryAfter}
        </View>
      ) : null}
      {p.needed.length ? <View className='ui-lead'>新版还需要您补充：{p.needed.join('、')}。</View> : null}
      <AppButton block busy={p.busy} onTap={p.onConfirm} id={`${TEMPLATE_CHANGES_ID}-confirm`}>
        {p.confirmLabel}
      </AppButton>
      {p.onCancel ? (
        <AppButton variant='link' onTap={p.onCancel}>
          {p.cancelLabel ?? '暂不继续'}
        </AppButton>
      ) : null}
    </View>
  )
}
