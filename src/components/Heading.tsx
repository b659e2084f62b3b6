import { View } from '@tarojs/components'
import type { ReactNode } from 'react'

/** A heading for screen readers on both platforms (H5 renders a div with role=heading). */
/** `focusable`: a place the app takes the citizen to (focus moves there, no tab stop) */
export function Heading({ level, children, id, className, focusable }: { level: 1 | 2 | 3; children: ReactNode; id?: string; className?: string; focusable?: boolean }) {
  return (
    <View role='heading' aria-level={level} id={id} tabIndex={focusable ? -1 : undefined} className={`ui-h${level} ${className ?? ''}`}>
      {children}
    </View>
  )
}
