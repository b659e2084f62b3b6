// The list of problems at the top of a page after 继续, each a link to the field at fault.
import { View } from '@tarojs/components'
import { useEffect, useRef } from 'react'
import { AppButton } from './Button'
import { Heading } from './Heading'

export interface ErrorItem {
  id: string
  message: string
}

/** Takes focus each time `attempt` changes (a tap on 继续), so the citizen hears the problems at once. */
export function ErrorSummary({ errors, onSelect, title = '请修改以下内容', attempt = 0 }: { errors: ErrorItem[]; onSelect: (id: string) => void; title?: string; attempt?: number }) {
  const ref = useRef<HTMLElement | null>(null)
  const shown = errors.length > 0
  useEffect(() => {
    if (shown && attempt > 0) ref.current?.focus?.()
  }, [attempt, shown])
  if (!shown) return null
  return (
    <View className='ui-error-summary' role='alert' id='error-summary' tabIndex={-1} ref={ref as never}>
      <Heading level={2}>{title}</Heading>
      {errors.map((e) => (
        <AppButton key={e.id} variant='link' onTap={() => onSelect(e.id)}>
          {e.message}
        </AppButton>
      ))}
    </View>
  )
}
