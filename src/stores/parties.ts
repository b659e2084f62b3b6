// Several parties (二手房: seller and buyer). The filer asks a co-applicant for their confirmation with a code;
// the co-applicant, in their own account, reads what they confirm and confirms it. Who has confirmed comes
// back with the draft (sync); a change of content makes the platform forget it.
import { create } from 'zustand'
import type { PartyConfirmation } from '@/domain'
import type { Invitation, InvitationView } from '@/services/contract'
import { isPlatformError, type PlatformClient } from '@/services/platform'
import type { SyncStore } from './sync'

export type PartiesClient = Pick<PlatformClient, 'inviteParty' | 'getInvitation' | 'confirmInvitation'>

export interface PartiesState {
  /** codes given out, by draft and party */
  invitations: Record<string, Record<string, Invitation>>
  /** what is under way: an invitation (`draftId/party`), a refresh (`draftId`), a lookup or a confirmation */
  busy?: string
  error?: string
  /** the filer: a code for the party (the draft is pushed first, so the platform holds what they confirm) */
  invite(draftId: string, party: string): Promise<void>
  /** the filer: who has confirmed by now */
  refresh(draftId: string): Promise<void>
  /** the co-applicant: what the code asks them to confirm */
  viewed?: InvitationView
  confirmed?: PartyConfirmation
  lookup(code: string): Promise<void>
  confirm(): Promise<void>
  clear(): void
}

const message = (e: unknown, fallback: string) => (isPlatformError(e) ? e.message : fallback)

export function createPartiesStore(deps: { client: PartiesClient; sync: SyncStore }) {
  return create<PartiesState>()((set, get) => ({
    invitations: {},
    async invite(draftId, party) {
      set({ busy: `${draftId}/${party}`, error: undefined })
      try {
        await deps.sync.getState().push(draftId)
        const inv = await deps.client.inviteParty(draftId, party)
        set((s) => ({ invitations: { ...s.invitations, [draftId]: { ...s.invitations[draftId], [party]: inv } }, busy: undefined }))
      } catch (e) {
        set({ busy: undefined, error: message(e, '暂时无法生成确认码，请稍后重试') })
      }
    },
    async refresh(draftId) {
      set({ busy: draftId, error: undefined })
      const ok = await deps.sync.getState().refreshConfirmations(draftId)
      set({ busy: undefined, error: ok ? undefined : '暂时无法获取确认情况，请稍后重试' })
    },
    async lookup(code) {
      set({ busy: 'lookup', error: undefined, viewed: undefined, confirmed: undefined })
      try {
        set({ viewed: await deps.client.getInvitation(code), busy: undefined })
      } catch (e) {
        set({ busy: undefined, error: message(e, '暂时无法查询，请稍后重试') })
      }
    },
    async confirm() {
      const v = get().viewed
      if (!v) return
      set({ busy: 'confirm', error: undefined })
      try {
        set({ confirmed: await deps.client.confirmInvitation(v.code, v.contentHash), busy: undefined })
      } catch (e) {
        set({ busy: undefined, error: message(e, '确认未成功，请稍后重试') })
      }
    },
    clear: () => set({ viewed: undefined, confirmed: undefined, error: undefined }),
  }))
}

export type PartiesStore = ReturnType<typeof createPartiesStore>
