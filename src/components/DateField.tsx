// A date field with a picker, never free text ("1978年9月" cannot be typed). H5: the browser's own date input
// (keyboard operable, bounded by min/max); WeChat: DateField.weapp.tsx. The value stays 'YYYY-MM-DD'.
import { TextField } from './TextField'
import { isIsoDate, legacyDateHelp, type DateFieldProps } from './date-field'

export type { DateFieldProps } from './date-field'

export function DateField(props: DateFieldProps) {
  const { id, label, value, onChange, onBlur, help, optional, error, warning, min, max } = props
  return (
    <TextField
      id={id}
      label={label}
      // a value typed before the picker (kept in the draft) is said in the help; the input shows only real dates
      help={legacyDateHelp(value, help)}
      optional={optional}
      value={isIsoDate(value) ? value : ''}
      kind='date'
      min={min}
      max={max}
      error={error}
      warning={warning}
      onInput={onChange}
      onBlur={onBlur}
    />
  )
}
