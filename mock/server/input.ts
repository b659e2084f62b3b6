// Shape checks of request bodies. Wrong types answer 400 with the path of each problem, in Chinese.
import type * as v from 'valibot'
import { parseWith } from '../../src/domain/draft-schema'
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

/**
 * A request body checked against its schema (src/services/contract-schema.ts, built on the domain's
 * DraftContent schema): the parsed value, or 400 naming every problem by its path.
 */
export function parseBody<T>(schema: v.GenericSchema<unknown, T>, body: unknown, message?: string): T {
  const c = new Checker()
  if (c.object(body, '')) {
    const r = parseWith(schema, body)
    if (r.ok) return r.value
    for (const issue of r.issues) c.err(issue.path || '请求体', issue.message)
  }
  c.done(message)
  // done() answered 400: not reached
  return fail('BAD_REQUEST', message ?? '请求内容不符合接口要求')
}

