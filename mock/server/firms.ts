// Which firms a person may act for: the register of 法定代表人 and authorised 经办人 (mock/fixtures).
import { firmOfDraft, type FirmAuthority } from '../../src/domain/firm'
import type { DraftContent } from '../../src/domain/draft'
import { FIRM_REGISTER } from '../fixtures/users'
import { fail } from './http'
import type { UserRecord } from './state'

export function firmsOf(user: UserRecord): FirmAuthority[] {
  // a firm account already is the firm; the switch is for a person's own account
  if (user.profile.kind !== 'person' || user.profile.role !== 'citizen') return []
  const id = user.profile.idNumber
  const out: FirmAuthority[] = []
  for (const f of FIRM_REGISTER) {
    const role = f.legalRepresentative.idNumber === id ? '法定代表人' : f.agents.includes(id) ? '经办人' : undefined
    if (role) out.push({ uscc: f.uscc, firmName: f.firmName, legalRepresentative: f.legalRepresentative.name, role })
  }
  return out
}

/** The firm a draft is filed for (checked: the person may act for it), or none; 403 with the rule's message otherwise. */
export function checkedFirm(user: UserRecord, content: Pick<DraftContent, 'firm' | 'applicantKind'>): FirmAuthority | undefined {
  if (!content.firm) return undefined
  const r = firmOfDraft(firmsOf(user), content.firm, content.applicantKind)
  if (!r.ok) return fail('FORBIDDEN', r.message)
  return r.firm
}
