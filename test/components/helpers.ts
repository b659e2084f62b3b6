import { guide, type DraftContent, type Guidance, type GuidanceContext, type PrefillData } from '@/domain'
import { NOW, profile, template } from './fixtures'

export function content(over: Partial<DraftContent> = {}): DraftContent {
  return { bundleId: template.id, templateVersion: template.version, region: '430100', applicantKind: 'person', answers: {}, values: {}, materials: {}, ...over }
}

export const ANSWERED = { tobacco: true, area: 500, menu: ['cold'], site: 'shop' }

export function guidanceFor(over: Partial<DraftContent> = {}, ctx: Partial<GuidanceContext> = {}, prefill?: PrefillData): Guidance {
  const c = content(over)
  const licenceNames = { idCard: { name: '居民身份证', shortName: '身份证' }, businessLicence: { name: '营业执照' } }
  return guide(template, c, { region: c.region, applicantKind: c.applicantKind, licences: [], now: NOW, licenceNames, ...ctx }, prefill)
}

export const PREFILL: PrefillData = { profile: { name: profile.name, idNumber: profile.idNumber, mobile: profile.mobile } }
