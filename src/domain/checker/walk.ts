// Exhaustive walk: every complete answer path in every context, evaluated with the engine.
import { guide } from '../engine'
import { answerLabel } from '../engine/answers'
import type { Guidance } from '../engine/types'
import { holds, ruleQuestionRefs, templateNumericBoundaries, type RuleScope } from '../rules'
import { jsonPath } from '../template/schema'
import type { Answers, BundleTemplate, Rule } from '../template/types'
import { rulesOf } from './rulesOf'
import { candidateAnswers, offeredRegionCount, walkContexts, walkPaths, type WalkContext } from './paths'
import type { Found } from './static'
import { DEFAULT_MAX_PATHS, DEFAULT_NOW, type RegionNode, type WalkStats } from './types'

const KIND_NAMES = { person: '个人', firm: '企业' } as const

/** Problems on one complete path, from the engine's guidance for it. Empty when the path ends in a stop. */
export function pathProblems(t: BundleTemplate, g: Guidance): Found[] {
  const out: Found[] = []
  const at = (keys: (string | number)[], message: string) => out.push({ path: jsonPath(keys), message })
  if (g.stop && !g.stop.id.startsWith('$')) return out
  if (!g.matters.length) {
    at(['matters'], '没有任何适用的事项，也没有说明原因的终止')
    return out
  }

  const fieldIndex = new Map(t.fields.map((f, i) => [f.id, i]))
  const ids = new Set<string>()
  const data = new Map<string, string>()
  for (const f of g.fields.all) {
    const i = fieldIndex.get(f.id) ?? -1
    if (ids.has(f.id)) at(['fields', i], `字段“${f.id}”在合并表单中出现了两次`)
    ids.add(f.id)
    const key = `${f.field.label}\u0000${JSON.stringify(f.field.prefill ?? null)}`
    const first = data.get(key)
    if (first !== undefined) at(['fields', i], `字段“${f.id}”与字段“${first}”的标签“${f.field.label}”和预填来源相同：同一项数据问了两次`)
    else data.set(key, f.id)
  }

  const materialIndex = new Map(t.materials.map((m, i) => [m.id, i]))
  for (const m of g.materials) {
    const i = materialIndex.get(m.id) ?? -1
    if (!m.usedBy.length) at(['materials', i], `材料“${m.id}”在清单中，但没有适用的事项需要它`)
    if (!m.modes.length) {
      const producer = m.material.producedBy
      const why = [producer ? `产生它的事项“${producer}”不适用` : '', m.material.licence ? '申请人没有该电子证照' : ''].filter(Boolean).join('、')
      at(['materials', i], `材料“${m.id}”没有任何可用的提交方式${why ? `（${why}时）` : ''}`)
    }
  }

  // a natural-day limit (居民身份证 60 日) counts in working days through the calendar
  const longestLegal = Math.max(...g.deadline.matters.map((m) => m.legalWorkingDays))
  if (g.deadline.workingDays > longestLegal)
    at(['promisedLimitDays'], `一件事承诺 ${g.deadline.workingDays} 个工作日，超过了适用事项中最长的法定时限（折合 ${longestLegal} 个工作日）`)
  const date = g.deadline.expectedDate
  if (!Number.isFinite(g.deadline.workingDays) || !/^\d{4}-\d{2}-\d{2}$/.test(date ?? '') || !Number.isFinite(Date.parse(date)))
    at(['promisedLimitDays'], `没有算出办结日期（得到 ${JSON.stringify(date)}）`)
  return out
}

export interface WalkResult {
  issues: Found[]
  stats?: WalkStats
  /** set when the walk did not run */
  skipped?: string
}

export interface WalkOptions {
  maxPaths?: number
  now?: string
  memo?: boolean
  /** the platform's regions: district codes are walked too (see walkRegions) */
  regions?: readonly RegionNode[]
}

/**
 * Truths of the rules the engine's result depends on: each matter's appliesWhen, each material ref
 * (its when, and the matter applying: a ref of a matter that does not apply cannot change the
 * result), each stop. Kept up to date along the walk: a rule is evaluated as soon as every question
 * it reads is decided, and the signature is built level by level, so a leaf costs one concatenation.
 */
class Signature {
  private readonly entries: { rule: Rule | undefined; matter?: number }[] = []
  private readonly byLevel: number[][]
  private readonly values: boolean[]
  private readonly prefix: string[]
  /** position of each entry's bit in a signature */
  private readonly pos: number[] = []
  readonly matterEntry: number[] = []
  readonly refEntry: number[][] = []
  readonly stopEntry: number[] = []

  constructor(t: BundleTemplate) {
    const index = new Map(t.questions.map((q, i) => [q.id, i]))
    const level = (...rules: (Rule | undefined)[]) =>
      Math.max(0, ...rules.flatMap((r) => ruleQuestionRefs(r)).map((q) => (index.get(q) ?? -1) + 1))
    const levels: number[] = []
    t.matters.forEach((m) => {
      const matter = this.entries.push({ rule: m.appliesWhen }) - 1
      levels.push(level(m.appliesWhen))
      this.matterEntry.push(matter)
      this.refEntry.push(
        m.materials.map((r) => {
          levels.push(level(m.appliesWhen, r.when))
          return this.entries.push({ rule: r.when, matter }) - 1
        }),
      )
    })
    for (const s of t.stops ?? []) {
      this.stopEntry.push(this.entries.push({ rule: s.when }) - 1)
      levels.push(level(s.when))
    }
    // Within a level entries keep insertion order, so a matter is evaluated before its refs.
    this.byLevel = [...t.questions.map(() => []), []]
    levels.forEach((l, k) => this.byLevel[l].push(k))
    let p = 0
    for (const ks of this.byLevel) for (const k of ks) this.pos[k] = p++
    this.values = this.entries.map(() => false)
    this.prefix = ['']
  }

  /** Questions before i are decided: evaluate the rules that became known. */
  enter(i: number, scope: RuleScope): void {
    let bits = ''
    for (const k of this.byLevel[i]) {
      const e = this.entries[k]
      const value = (e.matter === undefined || this.values[e.matter]) && holds(e.rule, scope)
      this.values[k] = value
      bits += value ? '1' : '0'
    }
    this.prefix[i + 1] = this.prefix[i] + bits
  }

  /** The signature of the current path; valid after enter(questions.length). */
  current(): string {
    return this.prefix[this.byLevel.length]
  }

  holds(sig: string, entry: number): boolean {
    return sig[this.pos[entry]] === '1'
  }

  stopped(sig: string): boolean {
    return this.stopEntry.some((k) => this.holds(sig, k))
  }
}

function describe(t: BundleTemplate, ctx: WalkContext, answers: Answers): string {
  const parts = t.questions.filter((q) => q.id in answers).map((q) => `${q.id}=${answerLabel(q, answers[q.id])}`)
  return `地区 ${ctx.region}，${KIND_NAMES[ctx.applicantKind]}${parts.length ? `：${parts.join('，')}` : ''}`
}

const tooMany = (maxPaths: number): Found => ({
  path: '$.questions',
  message: `回答路径超过 ${maxPaths} 条，无法逐条检查：请减少选项或数值分界，或用显示条件收窄问题`,
})

export function walkTemplate(t: BundleTemplate, options: WalkOptions = {}): WalkResult {
  const maxPaths = options.maxPaths ?? DEFAULT_MAX_PATHS
  const now = options.now ?? DEFAULT_NOW
  const memo = options.memo ?? true
  const issues: Found[] = []
  const contexts = walkContexts(t, options.regions)
  const boundaries = templateNumericBoundaries(t)
  // A question only texts read (a woman's original retirement age, for {退休日期}) changes no result: one answer stands for all.
  const decisive = new Set(rulesOf(t).flatMap((r) => (r.textOnly ? [] : ruleQuestionRefs(r.rule).filter((q) => q !== r.ownerQuestion))))
  const textOnly = new Set(rulesOf(t).flatMap((r) => (r.textOnly ? ruleQuestionRefs(r.rule) : [])))
  const candidates = t.questions.map((q) => {
    const all = candidateAnswers(q, t, boundaries)
    return textOnly.has(q.id) && !decisive.has(q.id) ? all.slice(0, 1) : all
  })
  t.questions.forEach((q, i) => {
    if (!candidates[i].length) issues.push({ path: jsonPath(['questions', i]), message: `问题“${q.id}”没有任何有效的回答（请检查取值范围和选项）` })
  })
  // No path could get past such a question: every later finding would only repeat this one.
  if (issues.length) return { issues, skipped: '有问题无法回答' }

  const signature = new Signature(t)
  const visible = new Set<number>()
  const live: Liveness = { matterLive: new Set(), refLive: new Set(), stopFired: new Set() }
  let total = 0
  let livePaths = 0
  let outcomes = 0
  const problems = new Map<string, { found: Found; count: number; example: string }>()
  const record = (found: Found[], n: number, example: () => string) => {
    for (const f of found) {
      const key = `${f.path}\u0000${f.message}`
      const entry = problems.get(key)
      if (entry) entry.count += n
      else problems.set(key, { found: f, count: n, example: example() })
    }
  }

  for (const ctx of contexts) {
    const seen = new Map<string, { found: Found[]; count: number; answers: Answers }>()
    const evaluate = (answers: Answers, sig: string): Found[] => {
      const g = guide(t, { answers, values: {}, materials: {} }, { region: ctx.region, applicantKind: ctx.applicantKind, licences: [], now })
      outcomes++
      return [...agreement(t, g, sig, signature), ...pathProblems(t, g)]
    }
    const within = walkPaths(t, ctx, candidates, {
      enter: (i, scope) => signature.enter(i, scope),
      visible: (i) => visible.add(i),
      leaf: (answers) => {
        if (++total > maxPaths) return false
        const sig = signature.current()
        let entry = seen.get(sig)
        if (!entry || !memo) {
          const copy = { ...answers }
          const found = evaluate(copy, sig)
          if (!memo) record(found, 1, () => describe(t, ctx, copy))
          if (!entry) {
            entry = { found, count: 0, answers: copy }
            seen.set(sig, entry)
            noteLive(t, sig, signature, live)
          }
        }
        entry.count++
      },
    })
    if (!within) return { issues: [...issues, tooMany(maxPaths)], skipped: `回答路径超过 ${maxPaths} 条` }
    for (const [sig, entry] of seen) {
      if (memo) record(entry.found, entry.count, () => describe(t, ctx, entry.answers))
      if (!signature.stopped(sig)) livePaths += entry.count
    }
  }
  for (const { found, count, example } of problems.values())
    issues.push({ path: found.path, message: `${found.message}（例：${example}；共 ${count} 条路径）` })

  issues.push(...deadParts(t, { ...live, visible }, livePaths))
  const stats: WalkStats = { contexts: contexts.length, paths: total, outcomes }
  if (options.regions) stats.regionCodes = offeredRegionCount(t, options.regions)
  return { issues, stats }
}

interface Liveness {
  matterLive: Set<number>
  refLive: Set<string>
  stopFired: Set<number>
}

/** A matter or material counts as live only on a path that goes on to be processed (no stop). */
function noteLive(t: BundleTemplate, sig: string, s: Signature, live: Liveness): void {
  s.stopEntry.forEach((k, i) => {
    if (s.holds(sig, k)) live.stopFired.add(i)
  })
  if (s.stopped(sig)) return
  t.matters.forEach((m, i) => {
    if (!s.holds(sig, s.matterEntry[i])) return
    live.matterLive.add(i)
    m.materials.forEach((_, j) => {
      if (s.holds(sig, s.refEntry[i][j])) live.refLive.add(`${i}/${j}`)
    })
  })
}

/** The checker's model must match the engine's result, or the memo would prove nothing. */
function agreement(t: BundleTemplate, g: Guidance, sig: string, s: Signature): Found[] {
  const expected = t.matters.filter((_, i) => s.holds(sig, s.matterEntry[i])).map((m) => m.id).sort()
  const got = g.matters.map((m) => m.id).sort()
  const stopped = !!g.stop && !g.stop.id.startsWith('$')
  const out: Found[] = []
  if (!g.questions.complete) out.push({ path: '$.questions', message: '检查器与引擎不一致：引擎认为还有问题没回答' })
  if (expected.join() !== got.join() || stopped !== s.stopped(sig))
    out.push({ path: '$', message: `检查器与引擎不一致：检查器得到事项 [${expected.join('、')}]，引擎得到 [${got.join('、')}]` })
  return out
}

/**
 * Questions never shown, matters and material refs never applying, stops never firing. A part whose
 * rule reads a question that is never shown is left out: that question is the cause, reported once.
 */
function deadParts(t: BundleTemplate, live: Liveness & { visible: Set<number> }, livePaths: number): Found[] {
  const out: Found[] = []
  const at = (keys: (string | number)[], message: string) => out.push({ path: jsonPath(keys), message })
  const hidden = new Set(t.questions.filter((_, i) => !live.visible.has(i)).map((q) => q.id))
  const questionIndex = new Map(t.questions.map((q, i) => [q.id, i]))
  const readsHidden = (rule: Parameters<typeof ruleQuestionRefs>[0], self?: string) =>
    ruleQuestionRefs(rule).some((q) => q !== self && hidden.has(q))

  t.questions.forEach((q, i) => {
    if (live.visible.has(i) || readsHidden(q.showWhen, q.id)) return
    // showWhen reading itself or a later question is a reference error reported before the walk.
    if (ruleQuestionRefs(q.showWhen).some((r) => (questionIndex.get(r) ?? -1) >= i)) return
    at(['questions', i, 'showWhen'], `问题“${q.id}”在任何回答路径上都不会出现（显示条件总不成立）`)
  })
  ;(t.stops ?? []).forEach((s, i) => {
    if (!live.stopFired.has(i) && !readsHidden(s.when)) at(['stops', i, 'when'], `终止“${s.id}”在任何回答路径上都不会发生`)
  })
  if (!livePaths) {
    at(['stops'], '每条回答路径都以终止结束，没有可以办理的情形')
    return out
  }
  t.matters.forEach((m, i) => {
    if (!live.matterLive.has(i)) {
      if (!readsHidden(m.appliesWhen))
        at(m.appliesWhen === undefined ? ['matters', i] : ['matters', i, 'appliesWhen'], `事项“${m.id}”在任何可以办理的回答路径上都不适用`)
      return
    }
    m.materials.forEach((r, j) => {
      if (!live.refLive.has(`${i}/${j}`) && !readsHidden(r.when))
        at(['matters', i, 'materials', j, 'when'], `材料“${r.ref}”的条件在事项“${m.id}”适用的任何路径上都不成立`)
    })
  })
  return out
}

