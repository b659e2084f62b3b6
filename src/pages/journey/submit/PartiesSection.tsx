// Several parties on 核对信息: wires PartiesPanel to the parties store (codes, who has confirmed).
import { useShallow } from 'zustand/react/shallow'
import type { Guidance } from '@/domain'
import { formatDate } from '@/domain/datetime'
import { PartiesPanel } from '@/components/PartiesPanel'
import { useParties } from '@/stores/app-submit'

export function PartiesSection({ draftId, guidance, now }: { draftId: string; guidance: Guidance; now: string }) {
  const { invitations, busy, error } = useParties(useShallow((s) => ({ invitations: s.invitations[draftId], busy: s.busy, error: s.error })))
  if (!guidance.parties.some((p) => p.confirms)) return null
  const codes = Object.fromEntries(Object.entries(invitations ?? {}).map(([party, inv]) => [party, { code: inv.code, expiresText: formatDate(inv.expiresAt.slice(0, 10), now) }]))
  const busyParty = busy?.startsWith(`${draftId}/`) ? busy.slice(draftId.length + 1) : busy === draftId ? 'refresh' : undefined
  return (
    <PartiesPanel
      parties={guidance.parties}
      codes={codes}
      busy={busyParty}
      error={error}
      onInvite={(party) => void useParties.getState().invite(draftId, party)}
      onRefresh={() => void useParties.getState().refresh(draftId)}
    />
  )
}
