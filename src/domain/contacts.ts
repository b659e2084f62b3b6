// Who to ask about a bundle: each department's consultation and complaint lines, as the guide template gives
// them, with the phone numbers found in that text so an app can offer one-tap calls.
import type { BundleTemplate } from './template/types'

export interface DepartmentContact {
  department: string
  /** the template's text, e.g. "12345政务服务便民热线；12315市场监管服务热线；… 0731-88665120" */
  consult: string
  complaint: string
  /** numbers in the consultation text, in order, without repeats: "12345", "0731-88665120" */
  phones: string[]
}

/** the province's 政务服务便民热线 */
export const HOTLINE = '12345'

/** Short service numbers (12345, 12315, 96119 …) and landlines with area code (0731-88665120). */
export function phoneNumbersIn(text: string): string[] {
  // runs of digits and hyphens, each judged whole (no lookbehind: iOS 14's engine has none)
  const runs = text.match(/[\d-]+/g) ?? []
  return [...new Set(runs.filter((r) => /^0\d{2,3}-\d{7,8}$/.test(r) || /^[19]\d{4}$/.test(r)))]
}

/** One entry per department, in the order the template first names it. */
export function departmentContacts(template: Pick<BundleTemplate, 'matters'>): DepartmentContact[] {
  const out = new Map<string, DepartmentContact>()
  for (const m of template.matters) {
    if (out.has(m.department)) continue
    out.set(m.department, { department: m.department, consult: m.contacts.consult, complaint: m.contacts.complaint, phones: phoneNumbersIn(m.contacts.consult) })
  }
  return [...out.values()]
}
