// The submit area under 核对信息: wires SubmitPanel to the submission store. A refusal shows the text fields at
// fault right here (first one focused, the platform's message under it); when the first fault is a choice or
// a date, the citizen lands on it in the form, with the platform's message; other faults link to their step.
// A republished guide template is shown and confirmed before submitting.
import { useEffect, useRef } from 'react'
import type { FieldView, Guidance } from '@/domain'
import { SubmitPanel, type FixField } from '@/components/SubmitPanel'
import type { InputKind } from '@/components/TextField'
import { useDrafts } from '@/stores/app'
import { useSubmission } from '@/stores/app-submit'
import type { LocalDraft } from '@/stores/draft'
import { STEP_LABELS, urlOf } from '@/stores/journey'
import { faultsInOrder, selectSubmitStatus, type SubmitStatus } from '@/stores/submission'
import { doneUrl } from '@/stores/routes'
import { go, restart } from '../../nav'
import { askSubscriptions } from './subscribe'

const KIND: Partial<Record<FieldView['field']['type'], InputKind>> = { idNumber: 'idcard', mobile: 'tel', number: 'digit', bankAccount: 'number' }
const NOT_INLINE = new Set<FieldView['field']['type']>(['select', 'date'])

/** A refused field the citizen can correct right here (a text input, not locked). */
function inlineView(g: Guidance, id: string): FieldView | undefined {
  const view = g.fields.all.find((x) => x.id === id)
  return view && !view.prefill && !NOT_INLINE.has(view.field.type) ? view : undefined
}

export function SubmitSection({ draft, guidance }: { draft: LocalDraft; guidance: Guidance }) {
  const status = useSubmission(selectSubmitStatus(draft.id))
  // the latest guidance and draft for answers that arrive after a re-render (a confirmed template change)
  const latest = useRef({ draft, guidance })
  latest.current = { draft, guidance }

  // already a case (submitted here or on another device): the confirmation is the place to be, alone: the
  // journey's pages below it could no longer change anything (use-step.ts sends any of them to the case)
  useEffect(() => {
    if (draft.status === 'submitted' && draft.caseId) restart(doneUrl(draft.caseId))
  }, [draft.status, draft.caseId])

  const faults = status.phase === 'rejected' && status.errors ? faultsInOrder(status.errors, guidance) : []
  const fixFields: FixField[] = []
  for (const f of faults) {
    if (f.place.step !== 'form') continue
    const view = inlineView(guidance, f.id)
    if (!view) continue
    fixFields.push({
      id: f.id,
      label: view.field.label,
      value: draft.content.values[f.id] ?? '',
      error: status.errors?.fieldErrors[f.id] ?? view.error,
      kind: KIND[view.field.type],
    })
  }

  const settle = (r: SubmitStatus) => {
    const { draft: d, guidance: g } = latest.current
    // done: the draft is marked submitted, and the effect above opens the case
    if (r.phase === 'done') return
    if (r.resumeAt) return go(urlOf(r.resumeAt, d, { return: 'review' }))
    if (r.phase === 'rejected' && r.errors) {
      // a choice or a date cannot be corrected here: land on it in the form, with the platform's message
      const first = faultsInOrder(r.errors, g)[0]
      if (first?.place.step === 'form' && !inlineView(g, first.id)) go(urlOf(first.place, d, { return: 'review', field: first.id }))
    }
  }

  const u = status.upgrade
  return (
    <SubmitPanel
      phase={status.phase}
      message={status.message}
      unconfirmed={!!draft.pending}
      faults={faults.map((f) => ({ id: f.id, message: f.message, stepLabel: STEP_LABELS[f.place.step] }))}
      fixFields={fixFields}
      blockedReason={guidance.blockers.length ? `暂不能提交：${guidance.blockers.join('；')}` : undefined}
      changes={
        u
          ? {
              bundleName: u.bundleName,
              fromVersion: u.fromVersion,
              toVersion: u.toVersion,
              dropped: u.dropped,
              mattersAdded: u.mattersAdded,
              mattersRemoved: u.mattersRemoved,
              summaryBefore: u.summaryBefore,
              summaryAfter: u.summaryAfter,
              needed: u.needed,
              submitsAfter: !u.resumeAt,
            }
          : undefined
      }
      onSubmit={async () => {
        askSubscriptions()
        settle(await useSubmission.getState().submit(draft.id))
      }}
      onConfirmChanges={async () => settle(await useSubmission.getState().confirmUpgrade(draft.id))}
      onFault={(id) => {
        const f = faults.find((x) => x.id === id)
        if (f) go(urlOf(f.place, draft, f.place.step === 'form' ? { return: 'review', field: f.id } : { return: 'review' }))
      }}
      onFix={(fieldId, value) => {
        useDrafts.getState().setValue(draft.id, fieldId, value)
        useSubmission.getState().clearFieldError(draft.id, fieldId)
      }}
    />
  )
}
