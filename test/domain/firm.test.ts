import { asFirm, FIRM_ONLY_FOR_FIRM_BUNDLES, firmOfDraft, NOT_AUTHORISED_FOR_FIRM, type FirmAuthority } from '@/domain/firm'
import { heldValue } from '@/domain/engine/fields'

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

test("acting for a firm, the firm's name, code and 法定代表人 are said to come from the enterprise register; the person's from 实名信息", () => {
  const ctx = { region: '430100', applicantKind: 'firm', licences: [], now: '2026-12-01T00:00:00Z' } as unknown as Parameters<typeof heldValue>[1]
  const data = { profile: asFirm(person, XIANGWEI) as Record<string, string> }
  for (const key of ['firmName', 'uscc', 'legalRepresentative']) expect(heldValue({ source: 'profile', key }, ctx, '2026-12-01', data)).toMatchObject({ label: '企业登记信息' })
  expect(heldValue({ source: 'profile', key: 'name' }, ctx, '2026-12-01', data)).toEqual({ source: 'profile', label: '实名信息', value: '赵敏' })
})
