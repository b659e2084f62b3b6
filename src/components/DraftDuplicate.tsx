// A draft begun on this device for a bundle the citizen already has a draft of on the platform: one bundle,
// one draft. The citizen continues the platform's or merges the two; never two drafts silently.
import { View } from '@tarojs/components'
import { useEffect, useRef } from 'react'
import { AppButton } from './Button'
import { Heading } from './Heading'

export interface DraftDuplicateProps {
  id: string
  bundleName: string
  /** "回答问题，刚刚保存" */
  mineText: string
  theirsText: string
  busy?: boolean
  onContinueTheirs: () => void
  onMerge: () => void
}

export function DraftDuplicate({ id, bundleName, mineText, theirsText, busy, onContinueTheirs, onMerge }: DraftDuplicateProps) {
  // takes focus when shown (H5), so the citizen hears it at once
  const ref = useRef<HTMLElement | null>(null)
  useEffect(() => {
    ref.current?.focus?.()
  }, [])
  return (
    <View className='ui-stop' role='region' aria-labelledby={`${id}-title`} tabIndex={-1} ref={ref as never}>
      <Heading level={2} id={`${id}-title`}>
        您在其他设备上已有一份“{bundleName}”草稿
      </Heading>
      <View className='ui-help'>同一件事只保留一份草稿。合并时，两份里不同的内容都会保留，两边都填了但不一样的，会请您逐项选择。</View>
      <View className='ui-bullet'>本机：{mineText}</View>
      <View className='ui-bullet'>其他设备：{theirsText}</View>
      <View className='ui-inline'>
        <AppButton onTap={onMerge} busy={busy}>
          合并两份草稿
        </AppButton>
        <AppButton variant='secondary' onTap={onContinueTheirs} disabled={busy}>
          继续其他设备上的草稿
        </AppButton>
      </View>
    </View>
  )
}
