// Several parties (二手房: seller and buyer): the filer asks a co-applicant to confirm; the co-applicant reads
// what they confirm (the matters, the promises they make) in their own account and confirms that exact
// content. A confirmation lapses when the content changes; the platform refuses a submission until every
// party that must confirm has confirmed what is submitted.
import { createHash, randomInt } from 'node:crypto'
import { guide } from '../../src/domain/engine'
import { maskName } from '../../src/domain/mask'
import type { DraftContent, PartyConfirmation } from '../../src/domain/draft'
import { ConfirmInvitationRequestSchema, InvitationRequestSchema } from '../../src/services/contract-schema'
import type { Invitation, InvitationView } from '../../src/services/contract'
import { canonicalJson } from '../../src/services/platform/canonical'
import { contextOf, draftPrefillOf } from './cases'
import { me, type Core, type Route } from './core'
import { fail, json } from './http'
import { parseBody } from './input'
import type { StoredDraft } from './state'

const CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const DAY_MS = 86_400_000

export function contentHash(content: DraftContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex').slice(0, 32)
}

/** Confirmations of exactly this content. */
export function currentConfirmations(d: Pick<StoredDraft, 'confirmations'>, content: DraftContent): PartyConfirmation[] {
  const hash = contentHash(content)
  return (d.confirmations ?? []).filter((c) => c.contentHash === hash).map(({ party, name, at }) => ({ party, name, at }))
}

export function partyRoutes(core: Core, ownDraft: (ctx: Parameters<Route['handler']>[0]) => StoredDraft, draftKey: (owner: string, id: string) => string): Route[] {
  const templateOf = (d: StoredDraft) => core.catalogue.find(d.content.bundleId, d.content.templateVersion)?.template ?? fail('NOT_FOUND', '该一件事不存在或已下线')
  const byCode = (code: string): { draft: StoredDraft; party: string; expiresAt: string } => {
    const now = new Date(core.now()).toISOString()
    for (const d of core.state.drafts.values()) {
      const inv = d.invitations?.find((i) => i.code === code.toUpperCase())
      if (inv && d.status === 'open' && inv.expiresAt > now) return { draft: d, party: inv.party, expiresAt: inv.expiresAt }
    }
    return fail('NOT_FOUND', '确认码不存在或已过期，请向发起申请的一方重新索取')
  }

  return [
    {
      method: 'POST',
      pattern: '/drafts/:id/invitations',
      auth: 'citizen',
      body: 'json',
      handler(ctx) {
        const d = ownDraft(ctx)
        const { party } = parseBody(InvitationRequestSchema, ctx.body)
        const p = templateOf(d).parties?.find((x) => x.id === party)
        if (!p?.confirms) return fail('VALIDATION', '这一方不需要确认本申请')
        if (d.status !== 'open') return fail('CONFLICT', '该草稿已提交')
        let code = ''
        for (let i = 0; i < 8; i++) code += CODE_CHARS[randomInt(CODE_CHARS.length)]
        const expiresAt = new Date(core.now() + 7 * DAY_MS).toISOString()
        const invitations = [...(d.invitations ?? []).filter((x) => x.party !== party), { code, party, expiresAt }]
        core.state.drafts.set(draftKey(d.ownerId, d.id), { ...d, invitations })
        const res: Invitation = { code, party, partyLabel: p.label, expiresAt }
        return json(201, res)
      },
    },
    {
      method: 'GET',
      pattern: '/invitations/:code',
      auth: 'citizen',
      handler(ctx) {
        const { draft, party, expiresAt } = byCode(ctx.params.code)
        const user = me(ctx)
        if (draft.ownerId === user.profile.userId) return fail('FORBIDDEN', '这是您发起的申请，请由另一方用本人账号确认')
        const t = templateOf(draft)
        const owner = core.state.users.get(draft.ownerId)
        const p = t.parties?.find((x) => x.id === party)
        const first = t.parties?.[0]
        const g = owner ? guide(t, draft.content, contextOf(core, owner, draft.content, new Date(core.now()).toISOString()), draftPrefillOf(core, owner, draft.content)) : undefined
        const res: InvitationView = {
          code: ctx.params.code.toUpperCase(),
          bundleName: t.name,
          party,
          partyLabel: p?.label ?? party,
          initiatorName: `${owner ? maskName(owner.profile.name) : '申请人'}${first ? `（${first.label}）` : ''}`,
          matters: g?.matters.map((m) => m.matter.name) ?? [],
          promises: (g?.materials ?? []).filter((m) => m.party?.id === party && m.chosen === 'promise' && m.material.promise).map((m) => ({ materialId: m.id, name: m.material.name, text: m.material.promise?.text ?? '' })),
          contentHash: contentHash(draft.content),
          expiresAt,
        }
        return json(200, res)
      },
    },
    {
      method: 'POST',
      pattern: '/invitations/:code/confirm',
      auth: 'citizen',
      body: 'json',
      idempotency: 'optional',
      handler(ctx) {
        const { draft, party } = byCode(ctx.params.code)
        const user = me(ctx)
        if (draft.ownerId === user.profile.userId) return fail('FORBIDDEN', '这是您发起的申请，请由另一方用本人账号确认')
        const { contentHash: seen } = parseBody(ConfirmInvitationRequestSchema, ctx.body)
        if (seen !== contentHash(draft.content)) return fail('CONFLICT', '申请内容已修改，请重新查看后再确认')
        const confirmation = { party, name: maskName(user.profile.name), at: new Date(core.now()).toISOString(), userId: user.profile.userId, contentHash: seen }
        const confirmations = [...(draft.confirmations ?? []).filter((c) => c.party !== party), confirmation]
        core.state.drafts.set(draftKey(draft.ownerId, draft.id), { ...draft, confirmations })
        const res: PartyConfirmation = { party, name: confirmation.name, at: confirmation.at }
        return json(200, res)
      },
    },
  ]
}
