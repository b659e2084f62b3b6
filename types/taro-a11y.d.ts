// H5 renders Taro components as DOM elements and passes these attributes through; WeChat maps aria-* too.
// Taro's own typings omit them, so the app could not say what a control is to a screen reader.
import type { BaseTouchEvent, ITouchEvent } from '@tarojs/components/types/common'

declare module '@tarojs/components/types/common' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface StandardProps<T = any, TouchEvent extends BaseTouchEvent<any> = ITouchEvent> {
    role?: string
    tabIndex?: number
    'aria-label'?: string
    'aria-labelledby'?: string
    'aria-describedby'?: string
    'aria-checked'?: boolean | 'true' | 'false' | 'mixed'
    'aria-selected'?: boolean
    'aria-expanded'?: boolean
    'aria-disabled'?: boolean
    'aria-invalid'?: boolean
    'aria-required'?: boolean
    'aria-live'?: 'polite' | 'assertive' | 'off'
    'aria-current'?: 'page' | 'step' | 'true' | boolean
    'aria-hidden'?: boolean
    'aria-level'?: number
    'aria-busy'?: boolean
    'aria-valuenow'?: number
    'aria-valuemin'?: number
    'aria-valuemax'?: number
    onKeyDown?: (event: { key: string; preventDefault: () => void }) => void
  }
}
