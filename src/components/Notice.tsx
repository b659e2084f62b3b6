import { View } from '@tarojs/components'
import type { ReactNode } from 'react'

/** A boxed message. `alert` is announced at once (errors); `status` politely. */
export function Notice({ tone = 'info', children, live, id }: { tone?: 'info' | 'warning' | 'error' | 'success'; children: ReactNode; live?: 'alert' | 'status'; id?: string }) {
  return (
    <View id={id} className={`ui-notice ui-notice--${tone}`} role={live}>
      {children}
    </View>
  )
}
