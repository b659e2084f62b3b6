// One entry point for the merged form (一次表单): validates a value by its template Field type.
import type { Field } from '../template/types'
import { validateBankAccount } from './bankAccount'
import { validateDate } from './date'
import { validateEmail } from './email'
import { validateIdNumber } from './idNumber'
import { validateMobile } from './mobile'
import { validateName } from './name'
import { validateNumber } from './number'
import { Invalid, Valid, asText, charCount, invalid } from './result'
import { validateUscc } from './uscc'

export interface FieldValidationOptions {
  /** 'YYYY-MM-DD', Beijing time: bounds birth dates in ID numbers. */
  today: string
  /**
   * Whether a value is needed. The caller evaluates `requiredWhen` (rules live elsewhere) and passes the
   * outcome; without it, the field is required unless marked optional.
   */
  required?: boolean
  /** Where the value came from: prefilled from another system only warns on a bad 统一社会信用代码 check digit. */
  origin?: 'typed' | 'external'
  /** name fields: accept Latin-letter names (foreign applicants) */
  allowLatinName?: boolean
  /** date fields: inclusive bounds, 'YYYY-MM-DD', and how each is said ('今天') */
  minDate?: string
  maxDate?: string
  minDateText?: string
  maxDateText?: string
  /** bankAccount fields: Luhn warning, default on */
  luhn?: boolean
}

export type FieldValue = string | number | string[] | undefined

/**
 * Normalised value, or the message to show under the field. idNumber and uscc results also carry
 * what the code encodes (birthDate, sex, regionCode …).
 */
export type FieldResult = Valid<FieldValue> | Invalid

function isEmpty(raw: unknown): boolean {
  if (raw === undefined || raw === null) return true
  if (typeof raw === 'string') return raw.trim() === ''
  if (typeof raw === 'number') return Number.isNaN(raw)
  if (Array.isArray(raw)) return raw.length === 0
  return false
}

function isRequired(field: Field, options: FieldValidationOptions): boolean {
  return options.required ?? !field.optional
}

/** Length in characters and the template's pattern (format 2), on the value as it will be stored. */
function checkText(field: Field, result: FieldResult): FieldResult {
  if (!result.ok || typeof result.value !== 'string') return result
  const n = charCount(result.value)
  if (field.maxLength !== undefined && n > field.maxLength) return invalid('too-long', `${field.label}不能超过${field.maxLength}个字`)
  if (field.minLength !== undefined && n < field.minLength) return invalid('too-short', `${field.label}至少${field.minLength}个字`)
  if (field.pattern && !matchesWhole(field.pattern.regex, result.value)) return invalid('pattern', field.pattern.message)
  return result
}

// Patterns are checked by parseTemplate; compiled once each.
const compiled = new Map<string, RegExp>()
function matchesWhole(source: string, value: string): boolean {
  let re = compiled.get(source)
  if (!re) {
    re = new RegExp(`^(?:${source})$`, 'u')
    compiled.set(source, re)
  }
  return re.test(value)
}

function validateSelect(field: Field, raw: unknown): FieldResult {
  const values = Array.isArray(raw) ? raw.map(asText) : [asText(raw).trim()]
  const allowed = field.options?.map((o) => o.value)
  if (allowed && values.some((v) => !allowed.includes(v))) {
    return invalid('bad-option', `${field.label}的选项无效，请重新选择`)
  }
  return { ok: true, value: Array.isArray(raw) ? values : values[0] }
}

export function validateFieldValue(field: Field, raw: unknown, options: FieldValidationOptions): FieldResult {
  const label = field.label
  if (isEmpty(raw)) {
    if (!isRequired(field, options)) return { ok: true, value: undefined }
    const verb = field.type === 'select' || field.type === 'date' ? '请选择' : '请填写'
    return invalid('required', `${verb}${label}`)
  }
  if (Array.isArray(raw) && field.type !== 'select') return invalid('bad-type', `${label}格式不正确，请重新填写`)
  const text = asText(raw)

  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'address':
      return checkText(field, { ok: true, value: text.trim() })
    case 'name':
      return checkText(field, validateName(text, { label, allowLatin: options.allowLatinName }))
    case 'idNumber':
      return validateIdNumber(text, { label, today: options.today })
    case 'uscc':
      return validateUscc(text, { label, origin: options.origin })
    case 'mobile':
      return validateMobile(text, { label })
    case 'date':
      return validateDate(text, { label, min: options.minDate, max: options.maxDate, minText: options.minDateText, maxText: options.maxDateText })
    case 'number':
      return validateNumber(typeof raw === 'number' ? raw : text, {
        label,
        unit: field.unit,
        min: field.min,
        max: field.max,
      })
    case 'select':
      return validateSelect(field, raw)
    case 'bankAccount':
      return validateBankAccount(text, { label, luhn: options.luhn })
    case 'email':
      return validateEmail(text, { label })
    default: {
      // A new FieldType must be handled above; this makes the compiler say so.
      const unhandled: never = field.type
      return invalid('bad-type', `${label}的类型（${String(unhandled)}）暂不支持`)
    }
  }
}
