// The submit area of 核对信息: the 提交申请 button (busy while sending, so a second tap does nothing), what
// went wrong in plain Chinese, and after a refusal the fields at fault, right here, the first one focused.
// When the bundle's guide was republished, the changes are shown instead, to be confirmed before submitting.
import { View } from '@tarojs/components'
import { useEffect } from 'react'
import { AppButton } from './Button'
import { ErrorSummary } from './ErrorSummary'
import { focusById, scrollToId } from './reveal'
import { Notice } from './Notice'
import { TemplateChanges, type TemplateChangesProps } from './TemplateChanges'
import { TextField, type InputKind } from './TextField'
import { sentence } from '@/domain/sentence'

export interface FaultItem {
  id: string
  message: string
  /** where it is fixed, e.g. 填写信息 */
  stepLabel: string
}

export interface FixField {
  id: string
  label: string
  value: string
  error?: string
  kind?: InputKind
}

export interface SubmitPanelProps {
  phase: 'idle' | 'sending' | 'changed' | 'failed' | 'rejected' | 'done'
  message?: string
  /** an earlier attempt was never confirmed (the app closed mid-request) */
  unconfirmed?: boolean
  faults: FaultItem[]
  /** refused fields that can be corrected here */
  fixFields: FixField[]
  /** something stops submission before it is sent (e.g. a required answer missing) */
  blockedReason?: string
  onSubmit: () => void
  /** phase 'changed': what the new template version means for this draft */
  changes?: Omit<TemplateChangesProps, 'confirmLabel' | 'onConfirm' | 'busy'> & { submitsAfter: boolean }
  changesBusy?: boolean
  onConfirmChanges?: () => void
  onFault: (id: string) => void
  onFix: (fieldId: string, value: string) => void
}

export const fixDomId = (id: string) => `fix-${id}`

export function SubmitPanel(p: SubmitPanelProps) {
  const firstFix = p.phase === 'rejected' ? p.fixFields[0]?.id : undefined
  useEffect(() => {
    if (p.phase !== 'rejected') return
    const ids = [...(firstFix ? [fixDomId(firstFix)] : []), 'submit-problems']
    if (!focusById(...ids)) scrollToId(...ids)
  }, [p.phase, firstFix])

  if (p.phase === 'changed' && p.changes) {
    const { submitsAfter, ...changes } = p.changes
    return (
      <View className='ui-section' id='submit'>
        <TemplateChanges {...changes} busy={p.changesBusy} confirmLabel={submitsAfter ? '确认变化并提交申请' : '确认变化，去补充信息'} onConfirm={() => p.onConfirmChanges?.()} />
      </View>
    )
  }

  return (
    <View className='ui-section' id='submit'>
      {p.phase === 'failed' && p.message ? (
        <Notice tone='error' live='alert' id='submit-problems'>
          {p.message}
        </Notice>
      ) : null}
      {p.phase === 'rejected' ? (
        <View id='submit-problems' tabIndex={-1}>
          <Notice tone='error' live='alert'>
            {sentence(`平台未受理：${p.message ?? '填写的内容有误'}`)}其他内容都已保留，请修改以下各项后再次提交。
          </Notice>
          {p.fixFields.map((f) => (
            <TextField key={f.id} id={fixDomId(f.id)} label={f.label} value={f.value} error={f.error} kind={f.kind} onInput={(v) => p.onFix(f.id, v)} />
          ))}
          <ErrorSummary title='需要修改' errors={p.faults.filter((f) => !p.fixFields.some((x) => x.id === f.id)).map((f) => ({ id: f.id, message: `${f.stepLabel}：${f.message}` }))} onSelect={p.onFault} />
        </View>
      ) : null}
      {p.unconfirmed && p.phase === 'idle' ? (
        <Notice tone='warning' live='status'>
          上次提交还没有收到平台的确认。请再次点击“提交申请”：同一份申请不会重复提交。
        </Notice>
      ) : null}
      {p.blockedReason ? <View className='ui-error'>{p.blockedReason}</View> : null}
      <AppButton block busy={p.phase === 'sending'} disabled={!!p.blockedReason} onTap={p.onSubmit} id='submit-button'>
        {p.phase === 'sending' ? '正在提交…' : p.phase === 'failed' ? '重新提交申请' : '提交申请'}
      </AppButton>
      <View className='ui-help'>提交后，各部门将同时办理；您可以在“我的办件”中查看进度。</View>
    </View>
  )
}
