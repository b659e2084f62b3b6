// How values are shown: masked when sensitive (PIPL), figures in words.
import type { Field } from '@/domain'
import { maskBankAccount, maskIdNumber, maskMobile } from '@/domain/mask'

/** A prefilled (locked) value as shown on screen: ID numbers and accounts always masked. */
export function displayValue(field: Field, value: string, labels?: Record<string, string>): string {
  if (field.type === 'idNumber') return maskIdNumber(value)
  if (field.type === 'bankAccount') return maskBankAccount(value)
  if (field.sensitive && field.type === 'mobile') return maskMobile(value)
  if (field.type === 'select') return labels?.[value] ?? field.options?.find((o) => o.value === value)?.label ?? value
  return value
}

/** A time limit in the unit its law uses: working days, or natural days (日). */
export function days(n: number, unit: 'workday' | 'day' = 'workday'): string {
  if (n === 0) return '即办'
  return unit === 'day' ? `${n} 日（自然日）` : `${n} 个工作日`
}

/** 示例 beside a sample value (a made-up code, phone, amount or threshold). */
export const isSample = (p: { sample: true } | { source: string } | undefined) => !!p && 'sample' in p

export function yuan(amount: number): string {
  return amount === 0 ? '免费' : `${amount} 元`
}

export const DELIVERY_LABELS = { ems: '免费邮寄（EMS）', pickup: '窗口自取', electronic: '仅电子证照（不领取纸质结果）' } as const
export const HANDLING_LABELS = { online: '全程网办', offline: '线上预填、线下办理' } as const
