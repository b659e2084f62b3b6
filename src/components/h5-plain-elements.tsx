// H5 only (through src/components/h5-elements.ts): View and Text as the plain elements Taro's wrappers render.
import type { ReactNode } from 'react'

/** A div: refs and every prop go straight to it, one fiber per element. */
export const View = 'div'

interface TextProps extends Record<string, unknown> {
  className?: string
  selectable?: boolean
  children?: ReactNode
}

/** A span with Taro's classes (text not selectable unless `selectable`: Taro's H5 style for .taro-text). */
export function Text({ className, selectable, ...rest }: TextProps) {
  const cls = ['taro-text', selectable ? 'taro-text__selectable' : '', className ?? ''].filter(Boolean).join(' ')
  return <span {...rest} className={cls} />
}
