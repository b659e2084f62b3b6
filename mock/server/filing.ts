// A submission made for a citizen under a grant (POST /cases with X-Acting-Grant): who acts is the grant's
// to say; window staff need the citizen's signature on the window device; what staff did to the materials is
// stamped with their window; the grant then points at the case.
import { signatureProblem } from '../../src/domain/assist'
import type { ActingFor, DraftContent, MaterialChoice } from '../../src/domain/draft'
import { maskName } from '../../src/domain/mask'
import type { CaseFiler, Signature } from '../../src/services/contract'
import { stampOf } from './assist'
import type { Checked } from './cases'
import type { Core, Ctx } from './core'
import { fail } from './http'
import type { StoredCase } from './state'

export interface Filing {
  acting: ActingFor
  by: { filedBy: CaseFiler; filerId: string; hallId?: string }
  /** the checked content with staff's stamps on verified originals and accepted 容缺 */
  stamp(checked: Checked): Checked
  /** the grant now names the case */
  done(created: StoredCase): void
}

/** The content without any window's stamps a client sent: only the platform writes who verified or accepted. */
export function withoutStamps(content: DraftContent): DraftContent {
  const materials: Record<string, MaterialChoice> = {}
  for (const [id, m] of Object.entries(content.materials)) {
    if (m.mode === 'upload' && m.verified) materials[id] = { ...m, verified: { at: m.verified.at } }
    else if (m.mode === 'defer' && m.acceptedBy) {
      const { acceptedBy: _by, ...rest } = m
      materials[id] = rest
    } else materials[id] = m
  }
  return { ...content, materials }
}

export function filingUnderGrant(core: Core, ctx: Ctx, signature: Signature | undefined): Filing {
  const { user: actor, grant } = ctx.actor!
  const staff = grant.grantee === 'staff'
  const nowIso = new Date(core.now()).toISOString()
  if (grant.caseId) fail('CONFLICT', `该授权下已提交过办件 ${grant.caseId}`, { caseId: grant.caseId })
  // a relative acts in their own app under the elder's grant; at the window the citizen signs what is filed
  let confirmedBy: CaseFiler['confirmedBy'] = 'grant'
  if (staff) {
    const problem = signatureProblem(signature)
    if (problem) fail('VALIDATION', problem)
    confirmedBy = 'signature'
  }

  const window = stampOf(core, actor)
  const filedBy: CaseFiler = {
    actor: grant.grantee,
    name: staff ? actor.profile.name : maskName(actor.profile.name),
    ...(staff ? { hallName: window.hallName, ...(window.window ? { window: window.window } : {}) } : {}),
    ...(grant.relation ? { relation: grant.relation } : {}),
    grantId: grant.id,
    via: grant.via,
    confirmedBy,
    ...(confirmedBy === 'signature' ? { signature } : {}),
    at: nowIso,
  }
  return {
    acting: { actor: staff ? 'staff' : 'relative', promiseAuthorised: grant.promiseAuthorised, authorisationId: grant.id },
    by: { filedBy, filerId: actor.profile.userId, ...(staff ? { hallId: actor.profile.hallId } : {}) },
    stamp(checked) {
      const materials: Record<string, MaterialChoice> = {}
      for (const [id, m] of Object.entries(checked.content.materials)) {
        if (m.mode === 'upload' && m.verified) {
          // when the original was seen: as the window device said, never after now or before the grant
          const at = new Date(Math.min(Date.parse(nowIso), Math.max(Date.parse(m.verified.at), Date.parse(grant.redeemedAt ?? grant.createdAt)))).toISOString()
          materials[id] = { ...m, verified: { at, by: window } }
        } else if (m.mode === 'defer' && staff) materials[id] = { ...m, acceptedBy: window }
        else materials[id] = m
      }
      return { ...checked, content: { ...checked.content, materials } }
    },
    done(created) {
      core.state.grants.set(grant.id, { ...grant, caseId: created.id })
      // 线上预填、线下办理: the booking the grant was limited to is done
      const booking = grant.bookingId ? core.state.bookings.get(grant.bookingId) : undefined
      if (booking) core.state.bookings.set(booking.id, { ...booking, status: 'done', caseId: created.id })
    },
  }
}
