// The submit area under 核对信息: wires SubmitPanel to the submission store. A refusal shows the fields at
// fault right here (first one focused, the platform's message under it); other faults link to their step.
import { useEffect } from 'react'
import type { FieldView, Guidance } from '@/domain'
import { SubmitPanel, type FixField } from '@/components/SubmitPanel'
import type { InputKind } from '@/components/TextField'
import { useDrafts } from '@/stores/app'
import { startDraftSync, useSubmission } from '@/stores/app-submit'
import type { LocalDraft } from '@/stores/draft'
import { STEP_LABELS, urlOf } from '@/stores/journey'
import { faultsInOrder, selectSubmitStatus } from '@/stores/submission'
import { go, replace } from '../../nav'

export const doneUrl = (caseId: string) => `/pages/journey/done/index?case=${encodeURIComponent(caseId)}`

const KIND: Partial<Record<FieldView['field']['type'], InputKind>> = { idNumber: 'idcard', mobile: 'tel', number: 'digit', bankAccount: 'number' }
const NOT_INLINE = new Set<FieldView['field']['type']>(['select', 'date'])

export function SubmitSection({ draft, guidance }: { draft: LocalDraft; guidance: Guidance }) {
  useEffect(() => startDraftSync(), [])
  const status = useSubmission(selectSubmitStatus(draft.id))

  // already a case (submitted here or on another device): the confirmation is the place to be
  useEffect(() => {
    if (draft.status === 'submitted' && draft.caseId) replace(doneUrl(draft.caseId))
  }, [draft.status, draft.caseId])

  const faults = status.phase === 'rejected' && status.errors ? faultsInOrder(status.errors, guidance) : []
  const fixFields: FixField[] = []
  for (const f of faults) {
    if (f.place.step !== 'form') continue
    const view = guidance.fields.all.find((x) => x.id === f.id)
    if (!view || view.prefill || NOT_INLINE.has(view.field.type)) continue
    fixFields.push({
      id: f.id,
      label: view.field.label,
      value: draft.content.values[f.id] ?? '',
      error: status.errors?.fieldErrors[f.id] ?? view.error,
      kind: KIND[view.field.type],
    })
  }
  const stop = guidance.stop

  return (
    <SubmitPanel
      phase={status.phase}
      message={status.message}
      unconfirmed={!!draft.pending}
      faults={faults.map((f) => ({ id: f.id, message: f.message, stepLabel: STEP_LABELS[f.place.step] }))}
      fixFields={fixFields}
      blockedReason={stop ? `暂不能提交：${stop.reason}` : undefined}
      onSubmit={async () => {
        const r = await useSubmission.getState().submit(draft.id)
        if (r.phase === 'done' && r.caseId) replace(doneUrl(r.caseId))
      }}
      onFault={(id) => {
        const f = faults.find((x) => x.id === id)
        if (f) go(urlOf(f.place, draft, { return: 'review' }))
      }}
      onFix={(fieldId, value) => {
        useDrafts.getState().setValue(draft.id, fieldId, value)
        useSubmission.getState().clearFieldError(draft.id, fieldId)
      }}
    />
  )
}
