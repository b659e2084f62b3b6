// Acting for a firm (以企业名义办理): a person files for a firm they are 法定代表人 of, or 经办人 authorised by.
// The platform holds who may act for which firm; the app and the platform judge a draft's firm by this rule.

export type FirmRole = '法定代表人' | '经办人'

/** A firm the signed-in person may act for, as the platform holds it (企业信用信息公示: name and code are public). */
export interface FirmAuthority {
  uscc: string
  firmName: string
  legalRepresentative: string
  role: FirmRole
}

export const NOT_AUTHORISED_FOR_FIRM = '您不是该企业的法定代表人，也未获该企业授权为经办人，不能以该企业名义办理'
export const FIRM_ONLY_FOR_FIRM_BUNDLES = '以企业名义只能办理面向企业的事项，请切换回本人办理'

/** The firm a draft names, if the person may act for it; else the message the citizen sees. */
export function firmOfDraft(firms: readonly FirmAuthority[], uscc: string, applicantKind: 'person' | 'firm'): { ok: true; firm: FirmAuthority } | { ok: false; message: string } {
  if (applicantKind !== 'firm') return { ok: false, message: FIRM_ONLY_FOR_FIRM_BUNDLES }
  const firm = firms.find((f) => f.uscc === uscc)
  return firm ? { ok: true, firm } : { ok: false, message: NOT_AUTHORISED_FOR_FIRM }
}

/**
 * The person's profile as the applicant when acting for a firm: the firm's name and code, the person stays as
 * 经办人 (name, ID number and mobile are theirs).
 */
export function asFirm<P extends { kind: 'person' | 'firm'; firmName?: string; uscc?: string; legalRepresentative?: string }>(profile: P, firm: FirmAuthority | undefined): P {
  if (!firm) return profile
  return { ...profile, kind: 'firm', firmName: firm.firmName, uscc: firm.uscc, legalRepresentative: firm.legalRepresentative }
}
