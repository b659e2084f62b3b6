import { asFirm, FIRM_ONLY_FOR_FIRM_BUNDLES, firmOfDraft, NOT_AUTHORISED_FOR_FIRM, type FirmAuthority } from '@/domain/firm'

const XIANGWEI: FirmAuthority = { uscc: '91430100MA4L12345A', firmName: '长沙湘味餐饮管理有限公司', legalRepresentative: '周立', role: '经办人' }
const person = { kind: 'person' as const, name: '赵敏', idNumber: '430111198506150024' }

test('a draft may name only a firm the person may act for, and only on a firm bundle', () => {
  expect(firmOfDraft([XIANGWEI], XIANGWEI.uscc, 'firm')).toEqual({ ok: true, firm: XIANGWEI })
  expect(firmOfDraft([], XIANGWEI.uscc, 'firm')).toEqual({ ok: false, message: NOT_AUTHORISED_FOR_FIRM })
  expect(firmOfDraft([XIANGWEI], '92430102MA4M00001Y', 'firm')).toEqual({ ok: false, message: NOT_AUTHORISED_FOR_FIRM })
  expect(firmOfDraft([XIANGWEI], XIANGWEI.uscc, 'person')).toEqual({ ok: false, message: FIRM_ONLY_FOR_FIRM_BUNDLES })
})

test('acting for a firm, the applicant is the firm and the person stays (经办人); for oneself nothing changes', () => {
  expect(asFirm(person, XIANGWEI)).toEqual({ ...person, kind: 'firm', firmName: XIANGWEI.firmName, uscc: XIANGWEI.uscc, legalRepresentative: '周立' })
  expect(asFirm(person, undefined)).toBe(person)
})
