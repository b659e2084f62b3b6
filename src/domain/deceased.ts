// 公民身后事: once a death is registered, the departments share the deceased's records. Who may see them is one
// rule, used by the app (before sending anything) and by the platform (before answering), with one message.
import { validateIdNumber } from './validators'

/** What the platform knows about the applicant's family ties: their 户口簿 and 结婚证. */
export interface FamilyTies {
  /** 户号 on the applicant's 户口簿 */
  householdNumber?: string
  /** the spouse's ID number on the applicant's 结婚证 */
  spouseIdNumber?: string
  /** the app, before any number is known: which of them the platform holds for the applicant */
  holds?: ('household' | 'marriage')[]
}

/** What the death record says about the deceased's family ties. */
export interface DeceasedTies {
  idNumber: string
  /** 户号 of the household the deceased was registered in */
  householdNumber?: string
}

export type DeceasedStanding = { ok: true; basis: string } | { ok: false; message: string }

/**
 * One message for "no standing" and "no registered death": telling them apart would tell a stranger whether
 * someone has died. The questions are then asked as before.
 */
export const DECEASED_RECORD_REFUSAL =
  '没有查到您与这位逝者在同一户口簿或有结婚登记，平台不能把逝者的信息提供给您。请您按实际情况回答下面的问题，窗口核实亲属关系后办理。'

/**
 * May this applicant see the deceased's shared records? Yes when they were in the same 户口簿 household or the
 * 结婚证 names the deceased as spouse. Without `deceased` (the app, before asking): whether the applicant has
 * any tie the platform could check at all.
 */
export function deceasedRecordStanding(applicant: FamilyTies, deceased?: DeceasedTies): DeceasedStanding {
  if (!deceased) return applicant.householdNumber || applicant.spouseIdNumber || applicant.holds?.length ? { ok: true, basis: '待核对' } : { ok: false, message: DECEASED_RECORD_REFUSAL }
  if (applicant.householdNumber && deceased.householdNumber === applicant.householdNumber) return { ok: true, basis: '同一户口簿' }
  if (applicant.spouseIdNumber && applicant.spouseIdNumber.toUpperCase() === deceased.idNumber.toUpperCase()) return { ok: true, basis: '结婚登记' }
  return { ok: false, message: DECEASED_RECORD_REFUSAL }
}

/** The deceased's ID number as typed, checked as a 身份证号码; not the applicant's own. */
export function deceasedIdNumberProblem(raw: string, applicantIdNumber: string | undefined, today: string): string | undefined {
  const r = validateIdNumber(raw, { today, label: '逝者的身份证号码' })
  if (!r.ok) return r.message
  if (applicantIdNumber && r.value === applicantIdNumber.toUpperCase()) return '这是您本人的身份证号码，请输入逝者的身份证号码'
  return undefined
}
