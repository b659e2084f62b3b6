// A labelled text input: label, 选填 marker, help, and the error tied to the input (aria-describedby).
import { Input, Text, View } from '@tarojs/components'
import { FieldMessages } from './FieldMessages'

export type InputKind = 'text' | 'number' | 'digit' | 'idcard' | 'tel' | 'date'

export interface TextFieldProps {
  id: string
  label: string
  value: string
  onInput: (value: string) => void
  /** `towardsButton`: focus is moving to a button (the tap that blurred the field is on its way to it) */
  onBlur?: (value: string, towardsButton: boolean) => void
  help?: string
  optional?: boolean
  error?: string
  warning?: string
  kind?: InputKind
  maxLength?: number
  placeholder?: string
  unit?: string
  /** the label is the page's heading (a one-question page) */
  labelAsHeading?: boolean
  autoComplete?: string
  /** masked as typed (a staff password) */
  password?: boolean
  /** Enter on a keyboard (or a USB scanner's Enter), 完成 on a phone */
  onConfirm?: (value: string) => void
  /** kind 'date' (H5's own date picker): inclusive bounds, 'YYYY-MM-DD' */
  min?: string
  max?: string
}

const isH5 = process.env.TARO_ENV === 'h5'

function inputProps(kind: InputKind): { type: 'text' | 'number' | 'digit' | 'idcard' | 'date'; inputMode?: string } {
  // H5 only (DateField.weapp.tsx uses WeChat's picker): the browser's date picker, keyboard operable
  if (kind === 'date') return { type: 'date' }
  if (kind === 'tel') return isH5 ? { type: 'text', inputMode: 'tel' } : { type: 'number' }
  if (kind === 'number') return isH5 ? { type: 'text', inputMode: 'numeric' } : { type: 'number' }
  if (kind === 'digit') return isH5 ? { type: 'text', inputMode: 'decimal' } : { type: 'digit' }
  if (kind === 'idcard') return isH5 ? { type: 'text' } : { type: 'idcard' }
  return { type: 'text' }
}

function isButton(el: unknown): boolean {
  return typeof el === 'object' && el !== null && typeof (el as Element).getAttribute === 'function' && (el as Element).getAttribute('role') === 'button'
}

export function TextField(props: TextFieldProps) {
  const { id, label, value, onInput, onBlur, help, optional, error, warning, kind = 'text', maxLength, placeholder, unit, labelAsHeading, autoComplete, password, onConfirm, min, max } = props
  const labelId = `${id}-label`
  const helpId = help ? `${id}-help` : undefined
  const errorId = error ? `${id}-error` : undefined
  const warningId = warning && !error ? `${id}-warning` : undefined
  const describedBy = [helpId, errorId, warningId].filter(Boolean).join(' ') || undefined
  const { type, inputMode } = inputProps(kind)
  const extra: Record<string, unknown> = {}
  if (inputMode) extra.inputMode = inputMode
  if (autoComplete) extra.autoComplete = autoComplete
  if (min) extra.min = min
  if (max) extra.max = max
  return (
    <View className={`ui-field ${error ? 'ui-field--error' : ''}`}>
      <View id={labelId} className={labelAsHeading ? 'ui-h1 ui-field__label' : 'ui-label'} role={labelAsHeading ? 'heading' : undefined} aria-level={labelAsHeading ? 1 : undefined} tabIndex={labelAsHeading ? -1 : undefined}>
        {label}
        {optional ? <Text className='ui-optional'>（选填）</Text> : null}
      </View>
      <FieldMessages help={help} helpId={helpId} error={error} errorId={errorId} />
      <View className='ui-field__row'>
        <Input
          id={id}
          className='ui-input'
          type={type as 'text'}
          value={value}
          maxlength={maxLength ?? 140}
          placeholder={placeholder}
          aria-labelledby={labelId}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          aria-required={optional ? undefined : true}
          password={password}
          onInput={(e) => onInput(e.detail.value)}
          onConfirm={onConfirm ? (e) => onConfirm(e.detail.value) : undefined}
          onBlur={(e) => onBlur?.(e.detail.value, isButton((e as unknown as { relatedTarget?: unknown }).relatedTarget))}
          {...extra}
        />
        {unit ? (
          <Text className='ui-field__unit' aria-hidden>
            {unit}
          </Text>
        ) : null}
      </View>
      {warningId ? (
        <View id={warningId} className='ui-warning'>
          {warning}
        </View>
      ) : null}
    </View>
  )
}
