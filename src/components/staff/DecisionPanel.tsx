// 审批: a reviewer decides each matter of an accepted case — 准予 (the platform issues the result, e.g. a licence
// number marked 示例) or 不予许可 (a ground of the list and text). A matter that must wait (补正, a fee, another
// matter first) says why; the platform checks the same.
import { View } from '@tarojs/components'
import { useState } from 'react'
import { DECIDABLE_STATUSES, DECISION_REFUSAL_REASONS } from '@/domain/assist'
import type { CaseMatter, CaseRecord } from '@/domain/case/types'
import { formatTime } from '@/domain/datetime'
import { CaseHeading } from './CasePanel'
import { AppButton } from '../Button'
import { ChoiceGroup } from '../ChoiceGroup'
import { Heading } from '../Heading'
import { TextField } from '../TextField'

export interface DecisionPanelProps {
  now: string
  record: CaseRecord
  busy: boolean
  /** `<matterId>.reason` / `<matterId>.note` → message */
  fieldErrors: Record<string, string>
  onDecide: (matterId: string, outcome: 'approved' | 'refused', reason?: string, note?: string) => void
  onClose: () => void
}

const decidable = (m: CaseMatter) => (DECIDABLE_STATUSES as readonly string[]).includes(m.status) && m.fee?.status !== 'due'

/** where a matter stands, for the reviewer */
function standing(m: CaseMatter): string {
  if (m.outcome === 'approved') return m.result?.licence ? `已准予许可：${m.result.licence.title} ${m.result.licence.number}` : `已准予许可：${m.result?.name ?? ''}`
  if (m.outcome === 'refused') return `已决定不予许可：${m.refusal?.reason ?? ''}`
  if (m.status === 'submitted') return '待窗口受理'
  if (m.status === 'supplement') return '等待申请人补正'
  if (m.fee?.status === 'due') return '待申请人缴费'
  if (m.status === 'rejected') return '不予受理'
  if (m.status === 'withdrawn') return '申请人已撤回'
  return '待决定'
}

function MatterDecision({ m, p }: { m: CaseMatter; p: DecisionPanelProps }) {
  const [outcome, setOutcome] = useState<'approved' | 'refused'>()
  const [reason, setReason] = useState<string>()
  const [note, setNote] = useState('')
  const key = (f: string) => p.fieldErrors[`${m.matterId}.${f}`]
  const id = `decide-${m.matterId}`
  return (
    <View className='ui-grant' aria-label={`事项 ${m.name}`}>
      <Heading level={3}>{m.name}</Heading>
      <View className='ui-help'>
        {m.authority || m.department}
        {m.acceptedAt ? ` · 受理于 ${formatTime(m.acceptedAt, p.now)}` : ''}
      </View>
      <View>{standing(m)}</View>
      {decidable(m) ? (
        <View>
          <ChoiceGroup
            id={`${id}-outcome`}
            legend={`${m.name}的审批决定`}
            options={[
              { value: 'approved', label: '准予许可' },
              { value: 'refused', label: '不予许可' },
            ]}
            value={outcome}
            onChange={(v) => setOutcome(v as 'approved' | 'refused')}
          />
          {outcome === 'refused' ? (
            <View>
              <ChoiceGroup id={`${id}-reason`} legend='不予许可的理由' options={DECISION_REFUSAL_REASONS.map((x) => ({ value: x, label: x }))} value={reason} onChange={(v) => setReason(v as string)} error={key('reason')} />
              <TextField id={`${id}-note`} label='说明（申请人可见）' optional={!reason?.startsWith('其他')} value={note} onInput={setNote} error={key('note')} maxLength={500} />
            </View>
          ) : null}
          {outcome ? (
            <AppButton variant={outcome === 'refused' ? 'danger' : 'primary'} busy={p.busy} onTap={() => p.onDecide(m.matterId, outcome, reason, note)} ariaLabel={`${outcome === 'approved' ? '确认准予许可' : '确认不予许可'}：${m.name}`}>
              {outcome === 'approved' ? '确认准予许可' : '确认不予许可'}
            </AppButton>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}

export function DecisionPanel(p: DecisionPanelProps) {
  const r = p.record
  return (
    <View className='ui-card' aria-label={`办件 ${r.id}`}>
      <CaseHeading title={`审批办件 ${r.id}`} record={r} now={p.now} />
      {r.matters.map((m) => (
        // keyed by status too: after a decision the matter's form starts empty
        <MatterDecision key={`${m.matterId}-${m.status}`} m={m} p={p} />
      ))}
      <AppButton variant='link' onTap={p.onClose}>
        关闭办件
      </AppButton>
    </View>
  )
}
