// WeChat: the date field opens WeChat's own date picker (Picker mode="date"), bounded by min/max. H5 uses
// the browser's date input (DateField.tsx). The value stays 'YYYY-MM-DD'.
import { Picker, Text, View } from '@tarojs/components'
import { FieldMessages } from './FieldMessages'
import { dateText, isIsoDate, legacyDateHelp, type DateFieldProps } from './date-field'

export type { DateFieldProps } from './date-field'

export function DateField(props: DateFieldProps) {
  const { id, label, value, onChange, help, optional, error, warning, min, max } = props
  const labelId = `${id}-label`
  const shownHelp = legacyDateHelp(value, help)
  const helpId = shownHelp ? `${id}-help` : undefined
  const errorId = error ? `${id}-error` : undefined
  const date = isIsoDate(value) ? value : ''
  return (
    <View className={`ui-field ${error ? 'ui-field--error' : ''}`}>
      <View id={labelId} className='ui-label'>
        {label}
        {optional ? <Text className='ui-optional'>（选填）</Text> : null}
      </View>
      <FieldMessages help={shownHelp} helpId={helpId} error={error} errorId={errorId} />
      <Picker mode='date' value={date} start={min} end={max} onChange={(e) => onChange(String(e.detail.value))}>
        <View id={id} className='ui-input ui-date' role='button' aria-labelledby={labelId} aria-describedby={[helpId, errorId].filter(Boolean).join(' ') || undefined}>
          {date ? dateText(date) : '请选择日期'}
        </View>
      </Picker>
      {warning && !error ? <View className='ui-warning'>{warning}</View> : null}
    </View>
  )
}
