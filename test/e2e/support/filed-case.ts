// A 开办餐饮店 case of 刘洋 filed through the platform client, for pages that show a case (the benches, the E2E):
// made as the app makes one, then accepted and, if asked, sent back for a 补正 by a window clerk.
import { newDraftId, newIdempotencyKey } from '../../../src/services/platform'
import { fillDraft, makeClient, uploader } from '../../contract/support/harness'

const RESTAURANT = 'kaiban-canyin'

/** Files the case and returns its id; with `supplement` a clerk accepts it and asks for a 补正 of one typed field. */
export async function fileRestaurantCase(origin: string, { supplement }: { supplement: boolean }): Promise<string> {
  const c = makeClient(origin, { adminToken: undefined })
  await c.loginWechat('dev-citizen-1')
  const profile = await c.me()
  const licences = (await c.listLicences()).map((l) => l.kind)
  // as in the app: an e-licence is used once the citizen agrees to it (the rulebook refuses it otherwise)
  for (const kind of licences) await c.consentLicence(kind)
  const t = await c.getBundle(RESTAURANT)
  const content = await fillDraft(t, { profile, licences, upload: uploader(c, RESTAURANT), now: (await c.health()).time })
  const filed = await c.submitCase({ draftId: newDraftId(), content }, newIdempotencyKey())
  if (!supplement) return filed.id
  // the department's side: a clerk of the hall the case is filed at (a staff power, not a simulation control)
  const clerk = makeClient(origin, { adminToken: undefined })
  await clerk.loginStaff('staff03', 'Window@2026')
  for (const m of filed.matters) await clerk.dept.accept(filed.id, { matterId: m.matterId })
  // a field the citizen typed (not one filled from the profile or an e-licence); the first matter's are all of
  // other types than 'text' (asking only for a text field left the case 审查中, not 待补正)
  const field = t.fields.find((f) => !f.prefill && t.matters.find((m) => m.id === filed.matters[0].matterId)?.fields.includes(f.id))
  if (!field) throw new Error(`${RESTAURANT}: the first matter has no field typed by the citizen to ask a 补正 for`)
  await clerk.dept.requestSupplement(filed.id, { matterId: filed.matters[0].matterId, message: '请核对后重新填写', fields: [field.id] })
  return filed.id
}
