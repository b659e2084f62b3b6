// Texts of a template that name the region and parameter values: `{地区}` and `{paramName}`, so one stop or
// help text serves every city. Unknown names are left as written (the checker reports them).
import type { ParamValue } from '../rules'

const PLACEHOLDER = /\{([^{}\s]{1,40})\}/g

/** `names`: further words a bundle may use, such as {退休日期} (engine/retirement.ts). */
export function interpolate(text: string, params: Record<string, ParamValue>, regionName?: string, names: Record<string, string> = {}): string {
  if (text.indexOf('{') < 0) return text
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (name === '地区') return regionName ?? '所在地区'
    if (Object.prototype.hasOwnProperty.call(names, name)) return names[name]
    const value = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined
    return value === undefined ? whole : String(value)
  })
}

/** Placeholder names a text uses. */
export function placeholders(text: string): string[] {
  const out: string[] = []
  text.replace(PLACEHOLDER, (whole, name: string) => {
    out.push(name)
    return whole
  })
  return out
}
