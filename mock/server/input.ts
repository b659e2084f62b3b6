// Shape checks of request bodies. Wrong types answer 400 with the path of each problem, in Chinese.
import type { ActingFor, DeliveryChoice, DraftContent, MaterialChoice } from '../../src/domain/draft'
import type { DraftPlace } from '../../src/services/contract'
import { fail } from './http'

export class Checker {
  readonly errors: Record<string, string> = {}

  err(path: string, message: string): void {
    if (!(path in this.errors)) this.errors[path] = message
  }

  object(v: unknown, path: string): Record<string, unknown> | undefined {
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>
    this.err(path || '请求体', '应为 JSON 对象')
    return undefined
  }

  string(v: unknown, path: string, opts: { optional?: boolean; max?: number; min?: number; pattern?: RegExp; patternMessage?: string } = {}): string | undefined {
    if (v === undefined || v === null) {
      if (!opts.optional) this.err(path, '必填')
      return undefined
    }
    if (typeof v !== 'string') return this.err(path, '应为字符串'), undefined
    if (opts.min !== undefined && v.trim().length < opts.min) return this.err(path, opts.min <= 1 ? '不能为空' : `至少 ${opts.min} 个字符`), undefined
    if (opts.max !== undefined && v.length > opts.max) return this.err(path, `不能超过 ${opts.max} 个字符`), undefined
    if (opts.pattern && !opts.pattern.test(v)) return this.err(path, opts.patternMessage ?? '格式不正确'), undefined
    return v
  }

  int(v: unknown, path: string, opts: { optional?: boolean; min?: number; max?: number } = {}): number | undefined {
    if (v === undefined || v === null) {
      if (!opts.optional) this.err(path, '必填')
      return undefined
    }
    if (typeof v !== 'number' || !Number.isInteger(v)) return this.err(path, '应为整数'), undefined
    if (opts.min !== undefined && v < opts.min) return this.err(path, `不能小于 ${opts.min}`), undefined
    if (opts.max !== undefined && v > opts.max) return this.err(path, `不能大于 ${opts.max}`), undefined
    return v
  }

  number(v: unknown, path: string, opts: { optional?: boolean; min?: number; max?: number } = {}): number | undefined {
    if (v === undefined || v === null) {
      if (!opts.optional) this.err(path, '必填')
      return undefined
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.err(path, '应为数字'), undefined
    if (opts.min !== undefined && v < opts.min) return this.err(path, `不能小于 ${opts.min}`), undefined
    if (opts.max !== undefined && v > opts.max) return this.err(path, `不能大于 ${opts.max}`), undefined
    return v
  }

  oneOf<T extends string>(v: unknown, path: string, options: readonly T[], optional = false): T | undefined {
    if (v === undefined || v === null) {
      if (!optional) this.err(path, '必填')
      return undefined
    }
    if (typeof v !== 'string' || !options.includes(v as T)) return this.err(path, `应为 ${options.join(' / ')} 之一`), undefined
    return v as T
  }

  stringArray(v: unknown, path: string, optional = false, maxItems = 200): string[] | undefined {
    if (v === undefined || v === null) {
      if (!optional) this.err(path, '必填')
      return undefined
    }
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return this.err(path, '应为字符串数组'), undefined
    if (v.length > maxItems) return this.err(path, `最多 ${maxItems} 项`), undefined
    return v as string[]
  }

  /** 400 with every problem found */
  done(message = '请求内容不符合接口要求'): void {
    if (Object.keys(this.errors).length) fail('BAD_REQUEST', `${message}：${Object.entries(this.errors).slice(0, 3).map(([k, m]) => `${k} ${m}`).join('；')}`, { fieldErrors: this.errors })
  }
}

const ID = /^[A-Za-z0-9_.-]{1,80}$/
const REGION = /^\d{6}$/
const MAX_ENTRIES = 500

function record(c: Checker, v: unknown, path: string): Record<string, unknown> | undefined {
  const o = c.object(v, path)
  if (o && Object.keys(o).length > MAX_ENTRIES) return c.err(path, `最多 ${MAX_ENTRIES} 项`), undefined
  return o
}

export function checkMaterialChoice(c: Checker, v: unknown, path: string): MaterialChoice | undefined {
  const o = c.object(v, path)
  if (!o) return undefined
  const mode = c.oneOf(o.mode, `${path}.mode`, ['licence', 'in-bundle', 'window', 'upload', 'promise', 'defer'] as const)
  if (mode === 'upload') {
    const ids = c.stringArray(o.fileIds, `${path}.fileIds`, false, 50)
    return ids ? { mode, fileIds: ids } : undefined
  }
  if (mode === 'promise') {
    const at = c.string(o.agreedAt, `${path}.agreedAt`, { min: 1, max: 40 })
    if (at !== undefined && Number.isNaN(Date.parse(at))) c.err(`${path}.agreedAt`, '应为 ISO 时间')
    return at ? { mode, agreedAt: at } : undefined
  }
  return mode ? ({ mode } as MaterialChoice) : undefined
}

export function checkDelivery(c: Checker, v: unknown, path: string): DeliveryChoice | undefined {
  if (v === undefined || v === null) return undefined
  const o = c.object(v, path)
  if (!o) return undefined
  const method = c.oneOf(o.method, `${path}.method`, ['ems', 'pickup', 'electronic'] as const)
  const out: DeliveryChoice = { method: method ?? 'pickup' }
  if (o.address !== undefined) {
    const a = c.object(o.address, `${path}.address`)
    if (a) {
      out.address = {
        recipient: c.string(a.recipient, `${path}.address.recipient`, { max: 50 }) ?? '',
        mobile: c.string(a.mobile, `${path}.address.mobile`, { max: 20 }) ?? '',
        region: c.string(a.region, `${path}.address.region`, { pattern: REGION, patternMessage: '应为 6 位地区代码' }) ?? '',
        detail: c.string(a.detail, `${path}.address.detail`, { max: 200 }) ?? '',
      }
    }
  }
  if (o.hallId !== undefined) out.hallId = c.string(o.hallId, `${path}.hallId`, { max: 80 })
  return out
}

export function checkActing(c: Checker, v: unknown, path: string): ActingFor | undefined {
  if (v === undefined || v === null) return undefined
  const o = c.object(v, path)
  if (!o) return undefined
  const actor = c.oneOf(o.actor, `${path}.actor`, ['self', 'staff', 'relative'] as const)
  if (typeof o.promiseAuthorised !== 'boolean') c.err(`${path}.promiseAuthorised`, '应为 true 或 false')
  const authorisationId = c.string(o.authorisationId, `${path}.authorisationId`, { optional: true, max: 80 })
  return actor ? { actor, promiseAuthorised: o.promiseAuthorised === true, ...(authorisationId ? { authorisationId } : {}) } : undefined
}

const STEPS = ['guide', 'questions', 'form', 'materials', 'delivery', 'review'] as const

/** An ISO instant, or undefined when absent. */
export function checkTime(c: Checker, v: unknown, path: string): string | undefined {
  const at = c.string(v, path, { optional: true, max: 40 })
  if (at !== undefined && Number.isNaN(Date.parse(at))) return c.err(path, '应为 ISO 时间'), undefined
  return at
}

export function checkPlace(c: Checker, v: unknown, path: string): DraftPlace | undefined {
  if (v === undefined || v === null) return undefined
  const o = c.object(v, path)
  if (!o) return undefined
  const step = c.oneOf(o.step, `${path}.step`, STEPS)
  const questionId = c.string(o.questionId, `${path}.questionId`, { optional: true, pattern: ID, patternMessage: '问题标识格式不正确' })
  const at = checkTime(c, o.at, `${path}.at`)
  if (o.at === undefined) c.err(`${path}.at`, '必填')
  return step && at ? { step, at, ...(questionId ? { questionId } : {}) } : undefined
}

export function checkValues(c: Checker, v: unknown, path: string): Record<string, string> | undefined {
  const o = record(c, v, path)
  if (!o) return undefined
  for (const [k, x] of Object.entries(o)) {
    if (!ID.test(k)) c.err(`${path}`, `字段标识“${k.slice(0, 40)}”格式不正确`)
    else if (typeof x !== 'string') c.err(`${path}.${k}`, '应为字符串')
    else if (x.length > 2000) c.err(`${path}.${k}`, '不能超过 2000 个字符')
  }
  return o as Record<string, string>
}

export function checkMaterials(c: Checker, v: unknown, path: string): Record<string, MaterialChoice> | undefined {
  const o = record(c, v, path)
  if (!o) return undefined
  const out: Record<string, MaterialChoice> = {}
  for (const [k, x] of Object.entries(o)) {
    if (!ID.test(k)) c.err(path, `材料标识“${k.slice(0, 40)}”格式不正确`)
    const m = checkMaterialChoice(c, x, `${path}.${k}`)
    if (m) out[k] = m
  }
  return out
}

export function checkDraftContent(c: Checker, v: unknown, path = 'content'): DraftContent | undefined {
  const o = c.object(v, path)
  if (!o) return undefined
  const bundleId = c.string(o.bundleId, `${path}.bundleId`, { pattern: ID, patternMessage: '一件事标识格式不正确' })
  const templateVersion = c.int(o.templateVersion, `${path}.templateVersion`, { min: 1 })
  const region = c.string(o.region, `${path}.region`, { pattern: REGION, patternMessage: '应为 6 位地区代码' })
  const applicantKind = c.oneOf(o.applicantKind, `${path}.applicantKind`, ['person', 'firm'] as const)
  const answers = record(c, o.answers, `${path}.answers`)
  if (answers) {
    for (const [k, a] of Object.entries(answers)) {
      const ok = typeof a === 'string' || typeof a === 'boolean' || (typeof a === 'number' && Number.isFinite(a)) || (Array.isArray(a) && a.every((x) => typeof x === 'string'))
      if (!ok) c.err(`${path}.answers.${k}`, '应为文字、数字、是否或选项列表')
    }
  }
  const values = checkValues(c, o.values, `${path}.values`)
  const materials = checkMaterials(c, o.materials, `${path}.materials`)
  const delivery = checkDelivery(c, o.delivery, `${path}.delivery`)
  const handling = c.oneOf(o.handling, `${path}.handling`, ['online', 'offline'] as const, true)
  if (!bundleId || !templateVersion || !region || !applicantKind || !answers || !values || !materials) return undefined
  const out: DraftContent = { bundleId, templateVersion, region, applicantKind, answers: answers as DraftContent['answers'], values, materials }
  if (delivery) out.delivery = delivery
  if (handling) out.handling = handling
  return out
}
