// Fault injection per route: errors, latency, hangs (client times out) and dropped answers.
import { API_PREFIX, type FaultConfig, type FaultRule } from '../../src/services/contract'
import { seededRandom, type Random } from './random'

export interface FaultDecision {
  latencyMs: number
  /** answer 503 without processing */
  error: boolean
  /** process, then never answer */
  timeout: boolean
  /** process, then destroy the socket */
  drop: boolean
}

const NONE: FaultDecision = { latencyMs: 0, error: false, timeout: false, drop: false }

interface CompiledRule {
  rule: FaultRule
  method?: string
  path: RegExp
}

export class Faults {
  private rules: CompiledRule[] = []
  private random: Random
  private seed: number

  constructor(config?: FaultConfig) {
    this.seed = config?.seed ?? 1
    this.random = seededRandom(this.seed)
    if (config) this.set(config)
  }

  set(config: FaultConfig): FaultConfig {
    const compiled = config.faults.map(compile)
    this.rules = compiled
    if (config.seed !== undefined) {
      this.seed = config.seed
      this.random = seededRandom(config.seed)
    }
    return this.get()
  }

  get(): FaultConfig {
    return { faults: this.rules.map((r) => r.rule), seed: this.seed }
  }

  clear(): FaultConfig {
    this.rules = []
    return this.get()
  }

  /** First matching rule decides. Admin and health routes are never faulted: tests must reach them. */
  decide(method: string, path: string): FaultDecision {
    if (path === `${API_PREFIX}/health` || path.startsWith(`${API_PREFIX}/admin/`)) return NONE
    const hit = this.rules.find((r) => (!r.method || r.method === method) && r.path.test(path))
    if (!hit) return NONE
    const { errorRate = 0, timeoutRate = 0, dropRate = 0, latencyMs = 0 } = hit.rule
    // one roll picks at most one failure, so the rates add up as configured
    const roll = this.random()
    const error = roll < errorRate
    const timeout = !error && roll < errorRate + timeoutRate
    const drop = !error && !timeout && roll < errorRate + timeoutRate + dropRate
    return { latencyMs, error, timeout, drop }
  }
}

function compile(rule: FaultRule): CompiledRule {
  const m = /^\s*(?:(GET|POST|PUT|DELETE|PATCH|HEAD)\s+)?(\S+)\s*$/i.exec(rule.route)
  if (!m) throw new Error(`无法识别的路由模式：${rule.route}`)
  let p = m[2]
  if (p !== '*' && !p.startsWith('/api/')) p = API_PREFIX + (p.startsWith('/') ? p : `/${p}`)
  const re =
    p === '*'
      ? /.*/
      : new RegExp(
          '^' +
            p
              .split('*')
              .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]\w*/g, '[^/]+'))
              .join('.*') +
            '$',
        )
  return { rule, method: m[1]?.toUpperCase(), path: re }
}

export function validateFaultConfig(input: unknown): { ok: true; config: FaultConfig } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const obj = Array.isArray(input) ? { faults: input } : input
  if (!obj || typeof obj !== 'object') return { ok: false, errors: { '': '应为 { faults: [...] }' } }
  const { faults, seed } = obj as { faults?: unknown; seed?: unknown }
  if (!Array.isArray(faults)) errors.faults = '应为数组'
  if (seed !== undefined && (typeof seed !== 'number' || !Number.isInteger(seed))) errors.seed = '应为整数'
  const out: FaultRule[] = []
  if (Array.isArray(faults)) {
    faults.forEach((f, i) => {
      if (!f || typeof f !== 'object') {
        errors[`faults[${i}]`] = '应为对象'
        return
      }
      const r = f as Record<string, unknown>
      if (typeof r.route !== 'string' || !r.route.trim()) errors[`faults[${i}].route`] = '应为路由模式，例如 "POST /cases"'
      else {
        try {
          compile({ route: r.route })
        } catch {
          errors[`faults[${i}].route`] = '无法识别的路由模式'
        }
      }
      for (const k of ['errorRate', 'timeoutRate', 'dropRate'] as const) {
        if (r[k] !== undefined && (typeof r[k] !== 'number' || (r[k] as number) < 0 || (r[k] as number) > 1)) errors[`faults[${i}].${k}`] = '应为 0 到 1 之间的数'
      }
      if (r.latencyMs !== undefined && (typeof r.latencyMs !== 'number' || r.latencyMs < 0 || r.latencyMs > 120000)) errors[`faults[${i}].latencyMs`] = '应为 0 到 120000 之间的毫秒数'
      out.push({
        route: String(r.route),
        errorRate: r.errorRate as number | undefined,
        latencyMs: r.latencyMs as number | undefined,
        timeoutRate: r.timeoutRate as number | undefined,
        dropRate: r.dropRate as number | undefined,
      })
    })
  }
  if (Object.keys(errors).length) return { ok: false, errors }
  return { ok: true, config: { faults: out, seed: seed as number | undefined } }
}
