// 一窗受理 of one case: its matters and where each stands, then 受理, 补正 (one list, all at once) or 不予受理
// (a reason from the list, and text); after an action, its notice to print (A4 on H5).
import { View } from '@tarojs/components'
import { useState } from 'react'
import { NOTICE_TITLES, REFUSAL_REASONS, type NoticeKind } from '@/domain/assist'
import type { CaseRecord } from '@/domain/case/types'
import type { MaterialMode } from '@/domain/draft'
import { caseState } from '@/domain/case/state'
import { formatDate, formatTime } from '@/domain/datetime'
import { AppButton } from '../Button'
import { ChoiceGroup } from '../ChoiceGroup'
import { Heading } from '../Heading'
import { QrCode } from '../QrCode'
import { TextField } from '../TextField'

export interface CasePanelProps {
  now: string
  record: CaseRecord
  /** the case's materials and how each was met */
  materials: { id: string; name: string; mode: MaterialMode }[]
  hallName?: string
  staffName?: string
  notice?: NoticeKind
  busy: boolean
  fieldErrors: Record<string, string>
  onAccept: () => void
  onReject: (reason: string | undefined, note: string) => void
  onSupplement: (message: string, materials: string[]) => void
  onPrint: () => void
  onClose: () => void
}

export function CasePanel(p: CasePanelProps) {
  const [mode, setMode] = useState<'none' | 'supplement' | 'reject'>('none')
  const [message, setMessage] = useState('')
  const [picked, setPicked] = useState<string[]>([])
  const [reason, setReason] = useState<string>()
  const [note, setNote] = useState('')
  const r = p.record
  const waiting = r.matters.some((m) => m.status === 'submitted')
  const e = p.fieldErrors
  return (
    <View className='ui-card' aria-label={`办件 ${r.id}`}>
      <Heading level={2}>办件 {r.id}</Heading>
      <View>
        {r.bundleName} · 申请人 {r.applicantName} · {caseState(r).label}
      </View>
      <View className='ui-help'>
        提交于 {formatTime(r.submittedAt, p.now)}
        {r.filedBy ? ` · ${r.filedBy.actor === 'staff' ? `${r.filedBy.hallName ?? ''} ${r.filedBy.name} 代办` : `亲属 ${r.filedBy.name} 代办`}` : ''}
      </View>
      {r.matters.map((m) => (
        <View key={m.matterId} className='ui-grant'>
          {m.name}（{m.department}）· {m.status === 'submitted' ? '待受理' : m.timeline[m.timeline.length - 1]?.note ?? m.status}
        </View>
      ))}

      {waiting && mode === 'none' ? (
        <View className='ui-inline'>
          <AppButton busy={p.busy} onTap={p.onAccept}>
            受理
          </AppButton>
          <AppButton variant='secondary' onTap={() => setMode('supplement')}>
            一次性告知补正
          </AppButton>
          <AppButton variant='danger' onTap={() => setMode('reject')}>
            不予受理
          </AppButton>
        </View>
      ) : null}

      {mode === 'supplement' && !p.notice ? (
        <View>
          <ChoiceGroup id='supplement-materials' legend='需要补正的材料' multiple options={p.materials.filter((m) => m.mode !== 'in-bundle').map((m) => ({ value: m.id, label: m.name }))} value={picked} onChange={(v) => setPicked(v as string[])} error={e.materials} />
          <TextField id='supplement-message' label='补正要求（一次性告知）' value={message} onInput={setMessage} error={e.message} maxLength={500} />
          <View className='ui-inline'>
            <AppButton busy={p.busy} onTap={() => p.onSupplement(message, picked)}>
              告知补正
            </AppButton>
            <AppButton variant='link' onTap={() => setMode('none')}>
              取消
            </AppButton>
          </View>
        </View>
      ) : null}

      {mode === 'reject' && !p.notice ? (
        <View>
          <ChoiceGroup id='reject-reason' legend='不予受理的理由' options={REFUSAL_REASONS.map((x) => ({ value: x, label: x }))} value={reason} onChange={(v) => setReason(v as string)} error={e.reason} />
          <TextField id='reject-note' label='说明' optional={!reason?.startsWith('其他')} value={note} onInput={setNote} error={e.note} maxLength={500} />
          <View className='ui-inline'>
            <AppButton variant='danger' busy={p.busy} onTap={() => p.onReject(reason, note)}>
              确认不予受理
            </AppButton>
            <AppButton variant='link' onTap={() => setMode('none')}>
              取消
            </AppButton>
          </View>
        </View>
      ) : null}

      {p.notice ? <NoticeSheet {...p} kind={p.notice} /> : null}
      <AppButton variant='link' onTap={p.onClose}>
        关闭办件
      </AppButton>
    </View>
  )
}

const names = (ms: CasePanelProps['materials'], modes: MaterialMode[]) =>
  ms
    .filter((m) => modes.includes(m.mode))
    .map((m) => m.name)
    .join('、')

/** The notice as printed: an A4 page (print styles keep only this), with the case number as text and QR. */
function NoticeSheet(p: CasePanelProps & { kind: NoticeKind }) {
  const r = p.record
  const title = NOTICE_TITLES[p.kind]
  const lastSupplement = r.supplement
  const rejected = r.matters.find((m) => m.status === 'rejected')
  const refusal = rejected?.timeline[rejected.timeline.length - 1]?.note
  return (
    <View className='ui-print'>
      <View className='ui-print__page' aria-label={title}>
        <Heading level={2}>{title}</Heading>
        <View>办件编号：{r.id}</View>
        <QrCode text={r.id} label={`办件编号 ${r.id} 的二维码`} sizePx={120} />
        <View>
          申请人：{r.applicantName} · 事项：{r.bundleName}
        </View>
        {p.kind === 'accepted' ? (
          <View>
            <View>已收到材料：{names(p.materials, ['upload', 'licence', 'shared', 'original', 'in-bundle']) || '无'}</View>
            {names(p.materials, ['promise']) ? <View>以告知承诺代替：{names(p.materials, ['promise'])}</View> : null}
            {names(p.materials, ['defer']) ? <View>容缺受理，待补交：{names(p.materials, ['defer'])}</View> : null}
            <View>承诺办结日期：{formatDate(r.dueDate, p.now)}（{r.committedDays} 个工作日，补正期间不计）</View>
          </View>
        ) : null}
        {p.kind === 'supplement' && lastSupplement ? <View>请补正：{lastSupplement.message}</View> : null}
        {p.kind === 'rejected' ? <View>不予受理的理由：{refusal}</View> : null}
        <View className='ui-help'>
          {p.hallName} · 经办人 {p.staffName} · {formatTime(p.now, p.now)}
        </View>
      </View>
      <AppButton variant='secondary' onTap={p.onPrint} ariaLabel={`打印${title}`}>
        打印{title}
      </AppButton>
    </View>
  )
}
