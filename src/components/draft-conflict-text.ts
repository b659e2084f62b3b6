// What the citizen reads about an item changed on two devices: its name in the guide, and each side's value
// as the journey shows it (option labels, masked ID numbers, file names).
import type { BundleTemplate, DeliveryChoice, MaterialChoice } from '@/domain'
import type { DraftConflictItem } from '@/domain/draft-merge'
import { answerLabel } from '@/domain/engine/answers'
import { MATERIAL_MODE_LABELS } from '@/domain/engine/labels'
import { maskMobile } from '@/domain/mask'
import { DELIVERY_LABELS, HANDLING_LABELS, displayValue } from './format'

export interface ConflictRow {
  key: string
  label: string
  mine: string
  theirs: string
}

export interface ConflictNames {
  /** file names by file id */
  files: Record<string, { name: string }>
  hall?: (id: string) => string | undefined
  region?: (code: string) => string | undefined
}

const TOP_LABELS: Record<string, string> = {
  'delivery.method': '领取方式',
  'delivery.address': '邮寄地址',
  'delivery.hallId': '领取地点',
  handling: '办理方式',
  region: '办事地区',
  templateVersion: '办事指南版本',
}

function labelOf(item: DraftConflictItem, t?: BundleTemplate): string {
  if (item.map === 'answers') return t?.questions.find((q) => q.id === item.id)?.text ?? item.id
  if (item.map === 'values') return t?.fields.find((f) => f.id === item.id)?.label ?? item.id
  if (item.map === 'materials') return t?.materials.find((m) => m.id === item.id)?.name ?? item.id
  return TOP_LABELS[item.key] ?? item.key
}

function materialText(c: MaterialChoice, names: ConflictNames): string {
  if (c.mode !== 'upload') return MATERIAL_MODE_LABELS[c.mode]
  if (!c.fileIds.length) return '上传材料（还没有文件）'
  return `上传 ${c.fileIds.length} 个文件：${c.fileIds.map((f) => names.files[f]?.name ?? '文件').join('、')}`
}

function valueText(item: DraftConflictItem, value: unknown, t: BundleTemplate | undefined, names: ConflictNames): string {
  if (value === undefined || value === '') return item.map === 'answers' ? '未回答' : item.map === 'materials' ? '未选择' : '未填写'
  if (item.map === 'answers') {
    const q = t?.questions.find((x) => x.id === item.id)
    return q ? answerLabel(q, value as never) : String(value)
  }
  if (item.map === 'values') {
    const f = t?.fields.find((x) => x.id === item.id)
    // what the other device typed is shown as the form would: ID numbers and accounts masked
    return f ? displayValue({ ...f, sensitive: true }, String(value)) : String(value)
  }
  if (item.map === 'materials') return materialText(value as MaterialChoice, names)
  switch (item.key) {
    case 'delivery.method':
      return DELIVERY_LABELS[value as DeliveryChoice['method']] ?? String(value)
    case 'delivery.address': {
      const a = value as NonNullable<DeliveryChoice['address']>
      return [a.recipient, a.mobile ? maskMobile(a.mobile) : '', a.detail].filter(Boolean).join('，')
    }
    case 'delivery.hallId':
      return names.hall?.(String(value)) ?? String(value)
    case 'handling':
      return HANDLING_LABELS[value as keyof typeof HANDLING_LABELS] ?? String(value)
    case 'region':
      return names.region?.(String(value)) ?? String(value)
    case 'templateVersion':
      return `第 ${String(value)} 版`
    default:
      return typeof value === 'string' ? value : JSON.stringify(value)
  }
}

export function conflictRows(items: DraftConflictItem[], template: BundleTemplate | undefined, names: ConflictNames): ConflictRow[] {
  return items.map((item) => ({ key: item.key, label: labelOf(item, template), mine: valueText(item, item.mine, template, names), theirs: valueText(item, item.theirs, template, names) }))
}
