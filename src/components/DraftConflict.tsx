// The same items of a draft changed on two devices: each shown with both values side by side, the citizen
// chooses one per item. Everything else was merged already; nothing is replaced until they confirm.
import { View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import type { MergeChoice } from '@/domain/draft-merge'
import { AppButton } from './Button'
import { ChoiceGroup } from './ChoiceGroup'
import type { ConflictRow } from './draft-conflict-text'
import { Heading } from './Heading'
import { Notice } from './Notice'

export interface DraftConflictProps {
  id: string
  bundleName: string
  /** "3 分钟前（11月26日 10:03）" */
  mineWhen: string
  theirsWhen: string
  rows: ConflictRow[]
  onResolve: (choices: Record<string, MergeChoice>) => void
}

export function DraftConflict({ id, bundleName, mineWhen, theirsWhen, rows, onResolve }: DraftConflictProps) {
  const [choices, setChoices] = useState<Record<string, MergeChoice>>({})
  const [missing, setMissing] = useState(false)
  // takes focus when shown (H5), so the citizen hears it at once
  const ref = useRef<HTMLElement | null>(null)
  useEffect(() => {
    ref.current?.focus?.()
  }, [])
  return (
    <View className='ui-stop ui-conflict' role='region' aria-labelledby={`${id}-title`} tabIndex={-1} ref={ref as never}>
      <Heading level={2} id={`${id}-title`}>
        “{bundleName}”在两台设备上改得不一样
      </Heading>
      <View className='ui-help'>
        其他修改已自动合并。下面 {rows.length} 项两边填得不同，请逐项选择保留哪一个。本机修改于{mineWhen}，另一台设备修改于{theirsWhen}。
      </View>
      {rows.map((r, i) => (
        <ChoiceGroup
          key={r.key}
          id={`${id}-item-${i}`}
          legend={r.label}
          sideBySide
          options={[
            { value: 'mine', label: `本机：${r.mine}` },
            { value: 'theirs', label: `另一台设备：${r.theirs}` },
          ]}
          value={choices[r.key]}
          error={missing && !choices[r.key] ? '请选择保留哪一个' : undefined}
          onChange={(v) => setChoices({ ...choices, [r.key]: v as MergeChoice })}
        />
      ))}
      {missing && rows.some((r) => !choices[r.key]) ? (
        <Notice tone='error' live='alert'>
          还有 {rows.filter((r) => !choices[r.key]).length} 项没有选择
        </Notice>
      ) : null}
      <AppButton
        block
        onTap={() => {
          if (rows.every((r) => choices[r.key])) onResolve(choices)
          else setMissing(true)
        }}
      >
        确认并合并
      </AppButton>
    </View>
  )
}
