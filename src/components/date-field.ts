// What both date fields (H5, WeChat) share: their props and how an old typed value is shown.
export interface DateFieldProps {
  id: string
  label: string
  /** 'YYYY-MM-DD', '' when none; an older draft may hold text typed before the picker */
  value: string
  onChange: (value: string) => void
  onBlur?: (value: string, towardsButton: boolean) => void
  help?: string
  optional?: boolean
  error?: string
  warning?: string
  /** inclusive bounds, 'YYYY-MM-DD' */
  min?: string
  max?: string
}

export const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s)

/** '2024-05-01' → '2024年5月1日' */
export function dateText(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** the field's help, with what was typed before the picker (kept, not replaced) when it is not a date */
export function legacyDateHelp(value: string, help?: string): string | undefined {
  if (!value.trim() || isIsoDate(value)) return help
  const typed = `您之前填写的是“${value}”，请重新选择日期。`
  return help ? `${help} ${typed}` : typed
}
