import { View } from '@tarojs/components'
import type { ReactNode } from 'react'

/** A heading for screen readers on both platforms (H5 renders a div with role=heading). */
export function Heading({ level, children, id, className }: { level: 1 | 2 | 3; children: ReactNode; id?: string; className?: string }) {
  return (
    <View role='heading' aria-level={level} id={id} className={`ui-h${level} ${className ?? ''}`}>
      {children}
    </View>
  )
}
