// H5 (and jest): the HTML textarea. The app renders React DOM components (h5.useHtmlComponents); Taro's H5
// Textarea is a Stencil web component, which the H5 build does not bundle (config/h5-stubs).
export interface MultiLineBoxProps {
  id: string
  value: string
  maxLength: number
  placeholder?: string
  labelledBy: string
  describedBy: string
  invalid: boolean
  onInput: (value: string) => void
}

export function MultiLineBox(p: MultiLineBoxProps) {
  return (
    <textarea
      id={p.id}
      className='ui-input ui-textarea'
      value={p.value}
      maxLength={p.maxLength}
      rows={5}
      placeholder={p.placeholder}
      aria-labelledby={p.labelledBy}
      aria-describedby={p.describedBy}
      aria-invalid={p.invalid || undefined}
      aria-required
      onChange={(e) => p.onInput(e.currentTarget.value)}
    />
  )
}
