// 补正, one screen: only the items the department named, prefilled with what was sent, checked by the form's
// validators; new files for named materials; one button that sends it exactly once.
import { View } from '@tarojs/components'
import type { Field, Material } from '@/domain/template/types'
import { BackLink } from '../BackLink'
import { AppButton } from '../Button'
import { Heading } from '../Heading'
import { Notice } from '../Notice'
import { TextField } from '../TextField'
import './cases.css'

export interface SupplementFile {
  name: string
  status: 'uploading' | 'done' | 'failed'
  error?: string
}

export interface SupplementScreenProps {
  caseId: string
  message: string
  fields: Field[]
  materials: Material[]
  values: Record<string, string>
  files: Record<string, SupplementFile[]>
  fieldErrors: Record<string, string>
  materialErrors: Record<string, string>
  submitError?: string
  submitting?: boolean
  onInput: (fieldId: string, value: string) => void
  onPick: (materialId: string) => void
  onRemove: (materialId: string, index: number) => void
  onSubmit: () => void
  onBack: () => void
}

export function SupplementScreen(p: SupplementScreenProps) {
  const count = p.fields.length + p.materials.length
  return (
    <View className='ui-page'>
      <BackLink onTap={p.onBack}>‹ 办件详情</BackLink>
      <View className='ui-caption'>办件编号 {p.caseId}</View>
      <Heading level={1}>补正材料</Heading>
      <Notice tone='info'>
        部门说明：{p.message}
        <View>只需修改以下 {count} 项，其他内容保持不变。</View>
      </Notice>
      {p.submitError ? (
        <Notice tone='error' live='alert'>
          {p.submitError}
        </Notice>
      ) : null}
      {p.fields.map((f) => (
        <TextField key={f.id} id={`fix-${f.id}`} label={f.label} help={f.help} value={p.values[f.id] ?? ''} onInput={(v) => p.onInput(f.id, v)} error={p.fieldErrors[f.id]} maxLength={f.maxLength} optional={f.optional} />
      ))}
      {p.materials.map((m) => {
        const files = p.files[m.id] ?? []
        const error = p.materialErrors[m.id]
        return (
          <View key={m.id} className={`ui-card ${error ? 'ui-material--error' : ''}`} role='group' aria-label={m.name}>
            <Heading level={2}>{m.name}</Heading>
            {m.description ? <View className='ui-help'>{m.description}</View> : null}
            {m.upload ? <View className='ui-help'>可上传 {m.upload.accept.map((a) => a.toUpperCase()).join('、')}，每份不超过 {m.upload.maxSizeMB} MB</View> : null}
            {files.map((f, i) => (
              <View key={i} className={`ui-file ${f.status === 'failed' ? 'ui-file--failed' : ''}`}>
                <View className='ui-file__name'>{f.name}</View>
                <View className='ui-file__meta'>{f.status === 'uploading' ? '上传中…' : f.status === 'done' ? '已上传' : f.error}</View>
                <AppButton variant='link' onTap={() => p.onRemove(m.id, i)} ariaLabel={`删除${f.name}`}>
                  删除
                </AppButton>
              </View>
            ))}
            {error ? (
              <View className='ui-error' id={`fix-${m.id}-error`}>
                {error}
              </View>
            ) : null}
            <AppButton variant='secondary' onTap={() => p.onPick(m.id)} ariaLabel={`上传文件：${m.name}`}>
              上传文件
            </AppButton>
          </View>
        )
      })}
      <AppButton block id='supplement-submit' busy={p.submitting} onTap={p.onSubmit}>
        提交补正
      </AppButton>
    </View>
  )
}
