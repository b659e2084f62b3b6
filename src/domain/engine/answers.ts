// Whether an answer fits its question, and how to say it in words. Shared by the engine and migrateDraft.
import type { AnswerValue, Question } from '../template/types'

/** Message when the answer does not fit the question, else undefined. */
export function answerError(q: Question, value: AnswerValue | undefined): string | undefined {
  if (value === undefined) return '请回答此问题'
  const options = q.options ?? []
  switch (q.kind) {
    case 'single':
      if (typeof value !== 'string') return '请选择一项'
      return options.some((o) => o.value === value) ? undefined : '原选项已不可用，请重新选择'
    case 'multiple':
      if (!Array.isArray(value) || value.some((x) => typeof x !== 'string')) return '请选择'
      if (new Set(value).size !== value.length) return '选项重复，请重新选择'
      if (!value.every((x) => options.some((o) => o.value === x))) return '部分选项已不可用，请重新选择'
      if (value.length > 1) {
        const alone = options.find((o) => o.exclusive && value.includes(o.value))
        if (alone) return `“${alone.label}”不能与其他选项同时选择`
      }
      return undefined
    case 'yesno':
      return typeof value === 'boolean' ? undefined : '请选择“是”或“否”'
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return '请输入数字'
      const unit = q.unit ?? ''
      if (q.integer && !Number.isInteger(value)) return '请输入整数'
      if (q.min !== undefined && value < q.min) return `不能小于${q.min}${unit}`
      if (q.max !== undefined && value > q.max) return `不能大于${q.max}${unit}`
      return undefined
    }
    case 'region':
      return typeof value === 'string' && /^\d{6}$/.test(value) ? undefined : '请选择地区'
  }
}

export function answerLabel(q: Question, value: AnswerValue): string {
  const label = (v: string) => q.options?.find((o) => o.value === v)?.label ?? v
  switch (q.kind) {
    case 'yesno':
      return value === true ? '是' : '否'
    case 'multiple':
      return Array.isArray(value) && value.length ? value.map(label).join('、') : '都没有'
    case 'number':
      return `${String(value)}${q.unit ?? ''}`
    default:
      return label(String(value))
  }
}
