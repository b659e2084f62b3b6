// Acting for a firm (法定代表人 / 经办人): the platform says which firms a person may act for, checks the firm a
// draft names with the domain's rule (same message as the app) and records it on the case.
import type { CaseRecord } from '@/domain'
import { asFirm, FIRM_ONLY_FOR_FIRM_BUNDLES, NOT_AUTHORISED_FOR_FIRM } from '@/domain/firm'
import { newDraftId, newIdempotencyKey, PlatformError } from '@/services/platform'
import { fillDraft, signIn, start, uploader, type Running } from './support/harness'

let r: Running
beforeAll(async () => {
  r = await start()
})
afterAll(() => r.stop())

const XIANGWEI = { uscc: '91430100MA4L12345A', firmName: '长沙湘味餐饮管理有限公司', legalRepresentative: '周立', role: '经办人' }

test('a person sees the firms they may act for; a firm account and a person with none see none', async () => {
  const zhao = r.client()
  await signIn(zhao, 'dev-no-licence')
  expect(await zhao.myFirms()).toEqual([XIANGWEI])
  const liu = r.client()
  await signIn(liu, 'dev-citizen-1')
  expect(await liu.myFirms()).toEqual([])
  const firmAccount = r.client()
  await signIn(firmAccount, 'dev-firm-1')
  expect(await firmAccount.myFirms()).toEqual([])
})

test('员工录用 filed by the firm’s 经办人: the firm is the applicant, its name and code as the platform holds them, the person recorded as 经办人', async () => {
  const c = r.client()
  const who = await signIn(c, 'dev-no-licence')
  const t = await c.getBundle('yuangong-luyong')
  const content = { ...(await fillDraft(t, { ...who, profile: asFirm(who.profile, { ...XIANGWEI, role: '经办人' }), upload: uploader(c, t.id) })), firm: XIANGWEI.uscc }
  expect(content.applicantKind).toBe('firm')
  // left as the app shows them: prefilled and locked (not typed)
  for (const id of ['firmName', 'firmUscc', 'contactName', 'contactMobile']) delete content.values[id]
  const cs: CaseRecord = await c.submitCase({ draftId: newDraftId(), content }, newIdempotencyKey())
  expect(cs.applicantKind).toBe('firm')
  expect(cs.applicantName).toBe(XIANGWEI.firmName)
  expect(cs.firm).toEqual({ uscc: XIANGWEI.uscc, firmName: XIANGWEI.firmName, role: '经办人', agentName: '赵*' })
  expect(cs.content.values.firmName).toBe(XIANGWEI.firmName)
  expect(cs.content.values.firmUscc).toBe(XIANGWEI.uscc)
  expect(cs.content.values.contactName).toBe('赵敏')
  expect(await c.getCase(cs.id)).toEqual(cs)
})

test('a firm the person may not act for is refused (403, the rule’s message); a firm on a person’s bundle too', async () => {
  const c = r.client()
  const who = await signIn(c, 'dev-citizen-1')
  const t = await c.getBundle('yuangong-luyong')
  const content = { ...(await fillDraft(t, { ...who, profile: asFirm(who.profile, { ...XIANGWEI, role: '经办人' }), upload: uploader(c, t.id) })), firm: XIANGWEI.uscc }
  const e = await c.submitCase({ draftId: newDraftId(), content }, newIdempotencyKey()).catch((x: unknown) => x)
  expect(e).toBeInstanceOf(PlatformError)
  expect((e as PlatformError).status).toBe(403)
  expect((e as PlatformError).message).toBe(NOT_AUTHORISED_FOR_FIRM)
  // the authorised 经办人, but a person's bundle named as the firm's
  const zhao = r.client()
  const z = await signIn(zhao, 'dev-no-licence')
  const personal = await zhao.getBundle('linghuo-jiuye')
  const p = { ...(await fillDraft(personal, { ...z, upload: uploader(zhao, personal.id) })), firm: XIANGWEI.uscc }
  const e2 = await zhao.submitCase({ draftId: newDraftId(), content: p }, newIdempotencyKey()).catch((x: unknown) => x)
  expect((e2 as PlatformError).message).toBe(FIRM_ONLY_FOR_FIRM_BUNDLES)
  // a malformed code is refused by the schema
  const bad = await zhao.submitCase({ draftId: newDraftId(), content: { ...p, firm: 'abc' } }, newIdempotencyKey()).catch((x: unknown) => x)
  expect((bad as PlatformError).status).toBe(400)
  expect((bad as PlatformError).message).toContain('统一社会信用代码格式不正确')
})
