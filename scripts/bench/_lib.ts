// Shared by the bench sections: the catalogue, the typical applicant and answer path, stats, tables.
import { candidateAnswers, walkPaths, type WalkContext } from '../../src/domain/checker'
import type { GuidanceContext } from '../../src/domain/draft'
import type { GuideDraft, PrefillData } from '../../src/domain/engine'
import { holds } from '../../src/domain/rules'
import { parseTemplate } from '../../src/domain/template/schema'
import type { Answers, BundleTemplate, Field, LicenceKind, ProfileKey } from '../../src/domain/template/types'
import { readCatalogue } from '../guides-check'

/** A bench section: scripts/bench/<name>.ts default-exports one; bench.ts runs them in order. */
export interface BenchSection {
  title: string
  run(): Promise<void> | void
}

export interface Bundle {
  file: string
  template: BundleTemplate
}

/** Every catalogue template that parses; the others are listed (guides:check says why). */
export function loadBundles(): Bundle[] {
  const out: Bundle[] = []
  for (const e of readCatalogue()) {
    const r = parseTemplate(JSON.parse(e.text))
    if (r.ok) out.push({ file: e.file, template: r.template })
    else console.log(`  （跳过 ${e.file}：模板未通过校验，见 npm run guides:check）`)
  }
  return out
}

export const NOW = '2025-03-03T09:00:00+08:00'

/**
 * The typical applicant: real-name login (name, ID number, mobile, sex, birth date) and the usual
 * e-licences: 居民身份证, 户口簿 and 社保卡 for a person; 身份证 of the legal representative and the
 * 营业执照 for a firm. Holding a licence supplies every item of it a template asks for.
 */
export const TYPICAL_LICENCES: Record<'person' | 'firm', LicenceKind[]> = {
  person: ['idCard', 'household', 'socialSecurityCard'],
  firm: ['idCard', 'businessLicence'],
}

const PROFILE: Record<'person' | 'firm', Partial<Record<ProfileKey, string>>> = {
  person: { name: '张三', idNumber: '430102199003071234', mobile: '13812345678', sex: '男', birthDate: '1990-03-07' },
  firm: {
    name: '张三',
    idNumber: '430102199003071234',
    mobile: '13812345678',
    sex: '男',
    birthDate: '1990-03-07',
    firmName: '长沙市某某餐饮有限公司',
    uscc: '91430100MA4L12345A',
    legalRepresentative: '张三',
  },
}

export function typicalContext(t: BundleTemplate): GuidanceContext {
  const applicantKind = t.applicantKinds[0]
  return { region: (t.regions[0] ?? '430000').padEnd(6, '0'), applicantKind, licences: TYPICAL_LICENCES[applicantKind], now: NOW }
}

export function typicalPrefill(t: BundleTemplate, ctx: GuidanceContext): PrefillData {
  const licences: PrefillData['licences'] = {}
  for (const f of t.fields) {
    const p = f.prefill
    if (p?.source !== 'licence' || !ctx.licences.includes(p.kind)) continue
    licences[p.kind] = { ...licences[p.kind], [p.key]: sampleValue(f) }
  }
  return { profile: PROFILE[ctx.applicantKind], licences }
}

/**
 * The typical answer path: the first complete path (template order, first options first) with the
 * most matters and no stop, in the bundle's first region for its first applicant kind. It shows the
 * whole bundle at work, which is what the burden figures compare.
 */
export function typicalAnswers(t: BundleTemplate, ctx: GuidanceContext): Answers {
  const walk: WalkContext = { region: ctx.region, applicantKind: ctx.applicantKind }
  const candidates = t.questions.map((q) => candidateAnswers(q, t))
  let best: Answers = {}
  let most = -1
  walkPaths(t, walk, candidates, {
    leaf: (answers, scope) => {
      if ((t.stops ?? []).some((s) => holds(s.when, scope))) return
      const n = t.matters.filter((m) => holds(m.appliesWhen, scope)).length
      if (n > most) {
        most = n
        best = { ...answers }
      }
    },
  })
  return best
}

/** A plausible typed value per field type, so validators run as they would on a filled form. */
export function sampleValue(f: Field): string {
  switch (f.type) {
    case 'name':
      return '张三'
    case 'idNumber':
      return '430102199003071234'
    case 'uscc':
      return '91430100MA4L12345A'
    case 'mobile':
      return '13812345678'
    case 'date':
      return '2025-01-15'
    case 'number':
      return String(f.min ?? 1)
    case 'select':
      return f.options?.[0]?.value ?? ''
    case 'address':
      return '湖南省长沙市岳麓区麓山南路 1 号'
    case 'bankAccount':
      return '6222021234567890128'
    case 'email':
      return 'zhangsan@example.com'
    default:
      return '测试内容'
  }
}

export function typicalDraft(t: BundleTemplate, ctx: GuidanceContext, prefill: PrefillData): GuideDraft {
  const values: Record<string, string> = {}
  for (const f of t.fields) if (!(f.prefill && prefillHas(prefill, f))) values[f.id] = sampleValue(f)
  return { answers: typicalAnswers(t, ctx), values, materials: {}, delivery: { method: t.delivery.includes('electronic') ? 'electronic' : t.delivery[0] ?? 'pickup' } }
}

function prefillHas(data: PrefillData, f: Field): boolean {
  const p = f.prefill
  if (!p) return false
  return p.source === 'profile' ? !!data.profile?.[p.key] : !!data.licences?.[p.kind]?.[p.key]
}

// ---------- numbers and tables ----------

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]
}

export const median = (sorted: number[]) => percentile(sorted, 50)

export function formatMs(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 0)} ms`
  return `${(ms / 1000).toFixed(2)} s`
}

/** Display width: CJK characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
  return w
}

/** Columns aligned by display width; numbers (and columns marked right) align right. */
export function printTable(header: string[], rows: string[][], rightAligned: boolean[] = header.map((_, i) => i > 0)): void {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))))
  const pad = (s: string, i: number) => {
    const fill = ' '.repeat(widths[i] - width(s))
    return rightAligned[i] ? fill + s : s + fill
  }
  const line = (r: string[]) => '  ' + r.map((c, i) => pad(c ?? '', i)).join('  ').trimEnd()
  console.log(line(header))
  console.log('  ' + widths.map((w) => '─'.repeat(w)).join('  '))
  rows.forEach((r) => console.log(line(r)))
}

export const goal = (ok: boolean) => (ok ? '✔ 达标' : '✘ 未达标')
