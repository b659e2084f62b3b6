// A labelled multi-line box (在线咨询's question, the window's answer): label, help, error tied to the box, and a
// visible count against the limit, which the box never lets the text pass.
import { Text, View } from '@tarojs/components'
import { FieldMessages } from './FieldMessages'
import { MultiLineBox } from './multi-line-box'

export interface TextAreaProps {
  id: string
  label: string
  value: string
  onInput: (value: string) => void
  maxLength: number
  help?: string
  error?: string
  placeholder?: string
}

/** Characters as a person counts them (an emoji or a rare hanzi beyond the BMP is one) */
export const charCount = (text: string) => Array.from(text).length

export function TextArea(props: TextAreaProps) {
  const { id, label, value, onInput, maxLength, help, error, placeholder } = props
  const labelId = `${id}-label`
  const helpId = help ? `${id}-help` : undefined
  const errorId = error ? `${id}-error` : undefined
  const countId = `${id}-count`
  const count = charCount(value)
  return (
    <View className={`ui-field ${error ? 'ui-field--error' : ''}`}>
      <View id={labelId} className='ui-label'>
        {label}
      </View>
      <FieldMessages help={help} helpId={helpId} error={error} errorId={errorId} />
      <MultiLineBox
        id={id}
        value={value}
        maxLength={maxLength}
        placeholder={placeholder}
        labelledBy={labelId}
        describedBy={[helpId, errorId, countId].filter(Boolean).join(' ')}
        invalid={!!error}
        onInput={onInput}
      />
      <View id={countId} className={`ui-help ui-count ${count >= maxLength ? 'ui-strong' : ''}`}>
        已输入 <Text>{count}</Text> / {maxLength} 字{count >= maxLength ? '，已到上限' : ''}
      </View>
    </View>
  )
}
