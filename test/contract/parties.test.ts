// Several parties (二手房): the seller files, the buyer confirms the same application in their own account
// before it can be submitted; the buyer's promise is theirs to make; a confirmation lapses when the content
// changes. The platform refuses with the app's own words.
import type { DraftContent } from '@/domain/draft'
import { validateDraft } from '@/domain/engine'
import { newDraftId, newIdempotencyKey, PlatformError } from '@/services/platform'
import { SELF } from '@/stores/draft'
import { guidanceContext } from '@/stores/journey'
import { prefillData } from '@/stores/session'
import { fillDraft, signIn, start, START, uploader, type Running, type TestClient } from './support/harness'

let r: Running
beforeAll(async () => {
  r = await start()
})
afterAll(() => r.stop())

const NOT_CONFIRMED = '还需买方在本人账号中确认本申请（确认后才能提交）'

async function refusal(c: TestClient, draftId: string, content: DraftContent): Promise<PlatformError> {
  const e = (await c.submitCase({ draftId, content }, newIdempotencyKey()).catch((x) => x)) as PlatformError
  expect(e).toBeInstanceOf(PlatformError)
  return e
}

test('the buyer confirms the seller’s application in their own account; only then can it be submitted', async () => {
  const seller = r.client()
  const who = await signIn(seller, 'dev-citizen-1')
  const t = await seller.getBundle('ershoufang')
  expect(t.parties?.map((p) => p.label)).toEqual(['卖方', '买方'])
  const content = await fillDraft(t, { ...who, answers: { 'buyer-first': true }, upload: uploader(seller, t.id) })
  const draftId = newDraftId()
  await seller.putDraft(draftId, content, 0)

  // the app and the platform both refuse before the buyer confirmed, in the same words
  const session = { profile: await seller.me(), licences: await seller.listLicences(), licenceData: {} }
  const remote = await seller.getDraft(draftId)
  const ctx = guidanceContext({ content, acting: SELF, remote: { version: remote.version, syncedAt: remote.updatedAt, confirmations: remote.confirmations } }, session, new Date(START).toISOString(), await seller.listRegions(), await seller.listLicenceKinds())
  expect(validateDraft(t, content, ctx, prefillData(session)).messages).toEqual([NOT_CONFIRMED])
  expect((await refusal(seller, draftId, content)).message).toBe(NOT_CONFIRMED)

  // the seller asks the buyer; nobody but another account can confirm
  const invitation = await seller.inviteParty(draftId, 'buyer')
  expect(invitation).toMatchObject({ party: 'buyer', partyLabel: '买方' })
  expect(invitation.code).toMatch(/^[A-Z2-9]{8}$/)
  await expect(seller.getInvitation(invitation.code)).rejects.toMatchObject({ kind: 'forbidden' })
  await expect(seller.inviteParty(draftId, 'seller')).rejects.toMatchObject({ kind: 'validation', message: '这一方不需要确认本申请' })

  const buyer = r.client()
  await signIn(buyer, 'dev-citizen-2')
  const view = await buyer.getInvitation(invitation.code.toLowerCase())
  expect(view).toMatchObject({ bundleName: t.name, party: 'buyer', partyLabel: '买方', initiatorName: '刘*（卖方）' })
  expect(view.matters).toContain('不动产转移登记（存量房买卖）')
  // the buyer's own promise is shown to them, with its text, to make by confirming
  expect(view.promises.map((p) => p.materialId)).toEqual(['buyer-home-promise'])
  expect(view.promises[0].text).toMatch(/^买方承诺/)

  const confirmed = await buyer.confirmInvitation(invitation.code, view.contentHash)
  expect(confirmed).toMatchObject({ party: 'buyer', name: '陈*' })
  // the seller's draft shows who confirmed
  expect((await seller.getDraft(draftId)).confirmations).toEqual([confirmed])

  const cs = await seller.submitCase({ draftId, content }, newIdempotencyKey())
  expect(cs.bundleId).toBe('ershoufang')
})

test('a confirmation is of exactly what was shown: a changed application needs confirming again', async () => {
  const seller = r.client()
  const who = await signIn(seller, 'dev-citizen-1')
  const t = await seller.getBundle('ershoufang')
  const content = await fillDraft(t, { ...who, upload: uploader(seller, t.id) })
  const draftId = newDraftId()
  await seller.putDraft(draftId, content, 0)
  const { code } = await seller.inviteParty(draftId, 'buyer')
  const buyer = r.client()
  await signIn(buyer, 'dev-citizen-2')
  const view = await buyer.getInvitation(code)

  // the seller changes the price after the buyer looked: the buyer's confirmation of the old one is refused
  const changed = { ...content, values: { ...content.values, 'deal-price': '1200000' } }
  await seller.putDraft(draftId, changed, 1)
  await expect(buyer.confirmInvitation(code, view.contentHash)).rejects.toMatchObject({ kind: 'conflict', message: '申请内容已修改，请重新查看后再确认' })

  // confirmed on the new content, then changed again: the confirmation lapses
  const again = await buyer.getInvitation(code)
  await buyer.confirmInvitation(code, again.contentHash)
  expect((await seller.getDraft(draftId)).confirmations).toHaveLength(1)
  const edited = { ...changed, values: { ...changed.values, 'deal-price': '1150000' } }
  const rec = await seller.putDraft(draftId, edited, 2)
  expect(rec.confirmations).toBeUndefined()
  expect((await refusal(seller, draftId, edited)).message).toBe(NOT_CONFIRMED)
  // content never shown to the buyer is refused too, whatever the stored draft says
  const unseen = { ...edited, values: { ...edited.values, 'deal-price': '999999' } }
  expect((await refusal(seller, draftId, unseen)).message).toBe(NOT_CONFIRMED)
})

test('an unknown or expired code is 404 with what to do', async () => {
  const buyer = r.client()
  await signIn(buyer, 'dev-citizen-2')
  await expect(buyer.getInvitation('ZZZZZZZZ')).rejects.toMatchObject({ kind: 'not-found', message: '确认码不存在或已过期，请向发起申请的一方重新索取' })
})
