// WeChat: Taro's Textarea (the native textarea component).
import { Textarea } from '@tarojs/components'
import type { MultiLineBoxProps } from './multi-line-box'

export function MultiLineBox(p: MultiLineBoxProps) {
  return (
    <Textarea
      id={p.id}
      className='ui-input ui-textarea'
      value={p.value}
      maxlength={p.maxLength}
      placeholder={p.placeholder}
      aria-labelledby={p.labelledBy}
      aria-describedby={p.describedBy}
      aria-invalid={p.invalid || undefined}
      aria-required
      onInput={(e) => p.onInput(e.detail.value)}
    />
  )
}
