// The answer space of a template: which contexts to try, which answers to try per question, and a
// depth-first enumeration of every complete answer path that mirrors the engine's question order.
import { answerError } from '../engine/answers'
import { holds, offeredIn, regionPrefix, regionWithin, resolveParams, templateNumericBoundaries, walkRule, type RuleScope } from '../rules'
import type { AnswerValue, Answers, ApplicantKind, BundleTemplate, Question, Rule } from '../template/types'
import { comparisons, rulesOf } from './rulesOf'
import type { RegionNode } from './types'

export interface WalkContext {
  region: string
  applicantKind: ApplicantKind
}

/** '42' → '420000', '4302' → '430200': a byRegion key stands for the region it names. */
export function sixDigitRegion(code: string): string {
  return code.padEnd(6, '0')
}

/** Region codes compared with a variable in some rule (`$region` or a region question). */
function regionLiterals(t: BundleTemplate, name: string): string[] {
  const out: string[] = []
  for (const { rule } of rulesOf(t))
    for (const c of comparisons(rule))
      if (c.name === name && typeof c.literal === 'string' && /^\d{2,6}$/.test(c.literal)) out.push(sixDigitRegion(c.literal))
  return out
}

/** Regions where the bundle is offered, every byRegion key, and regions the rules name. */
function namedRegions(t: BundleTemplate): string[] {
  const keys = Object.values(t.params ?? {}).flatMap((p) => Object.keys(p.byRegion ?? {}))
  return [...new Set([...t.regions, ...keys].map(sixDigitRegion).concat(regionLiterals(t, '$region')))]
}

/** Does any rule decide by region (`$region`, a parameter that differs by region, a region question)? */
function regionDecides(t: BundleTemplate): boolean {
  if (Object.values(t.params ?? {}).some((p) => Object.keys(p.byRegion ?? {}).length)) return true
  return rulesOf(t).some(({ rule }) => ruleReads(rule, '$region'))
}

function ruleReads(rule: Rule, name: string): boolean {
  let found = false
  walkRule(rule, (node) => {
    if ('var' in node && node.var === name) found = true
  })
  return found
}

/**
 * Region codes to walk. Without the platform's region list: the regions the template names. With it: every
 * province, city and district code of the list the bundle is offered in, grouped by the named areas each lies
 * within — the hierarchy decides every regional rule (`pickByRegion`, `within`; exact comparisons are refused
 * by referenceChecks), so codes of one group give one result — and the most specific code (a district) of
 * each group is walked. A template whose rules never decide by region is walked in one district.
 */
export function walkRegions(t: BundleTemplate, tree?: readonly RegionNode[]): string[] {
  const named = namedRegions(t)
  // A template offered nowhere is reported by usageChecks; walk the home province so the rest is still checked.
  if (!named.length) return ['430000']
  if (!tree) return named
  const all: string[] = []
  const visit = (nodes: readonly RegionNode[]) =>
    nodes.forEach((n) => {
      all.push(n.code)
      visit(n.children ?? [])
    })
  visit(tree)
  const offered = [...new Set([...all, ...named])].filter((code) => offeredIn(t.regions, code) || named.includes(code))
  const decides = regionDecides(t)
  const classes = new Map<string, string>()
  for (const code of offered) {
    const key = decides ? named.filter((a) => regionWithin(code, a)).sort().join(',') : ''
    const best = classes.get(key)
    if (!best || regionPrefix(code).length > regionPrefix(best).length) classes.set(key, code)
  }
  return [...classes.values()]
}

/** How many region codes of the platform's list a template is offered in (what walkRegions groups). */
export function offeredRegionCount(t: BundleTemplate, tree: readonly RegionNode[]): number {
  let n = 0
  const visit = (nodes: readonly RegionNode[]) =>
    nodes.forEach((x) => {
      if (offeredIn(t.regions, x.code)) n++
      visit(x.children ?? [])
    })
  visit(tree)
  return n
}

export function walkContexts(t: BundleTemplate, tree?: readonly RegionNode[]): WalkContext[] {
  return walkRegions(t, tree).flatMap((region) => t.applicantKinds.map((applicantKind) => ({ region, applicantKind })))
}

function subsets(values: string[]): string[][] {
  const out: string[][] = []
  for (let mask = 0; mask < 1 << values.length; mask++) out.push(values.filter((_, i) => mask & (1 << i)))
  return out
}

/**
 * Answers tried for one question: single → each option; multiple → every subset (≤ 6 options) or
 * none, each one alone and all; yesno → both; number → min and value-1/value/value+1 around every
 * threshold the rules compare it with (over all regions); region → every walked region and those the
 * rules name. Only answers the engine accepts are kept.
 */
export function candidateAnswers(q: Question, t: BundleTemplate, boundaries = templateNumericBoundaries(t)): AnswerValue[] {
  let raw: AnswerValue[]
  switch (q.kind) {
    case 'single':
      raw = (q.options ?? []).map((o) => o.value)
      break
    case 'multiple': {
      const values = (q.options ?? []).map((o) => o.value)
      raw = values.length <= 6 ? subsets(values) : [[], ...values.map((v) => [v]), values]
      break
    }
    case 'yesno':
      raw = [true, false]
      break
    case 'number': {
      const numbers = (boundaries[q.id] ?? []).flatMap((b) => [b - 1, b, b + 1, Math.floor(b), Math.ceil(b)])
      const base = q.min ?? (q.max !== undefined && q.max < 0 ? q.max : 0)
      raw = [...new Set([base, ...numbers])].sort((a, b) => a - b)
      break
    }
    case 'region':
      raw = [...new Set([...namedRegions(t), ...regionLiterals(t, q.id)])]
      break
  }
  return raw.filter((v) => answerError(q, v) === undefined)
}

export interface PathVisitor {
  /** questions before index i are decided (answered or hidden) on the current path */
  enter?(i: number, scope: RuleScope): void
  /** a question shown on the way (before its answers are tried) */
  visible?(questionIndex: number): void
  /** a complete path: every shown question answered. Return false to stop the walk. */
  leaf(answers: Answers, scope: RuleScope): boolean | void
}

/**
 * Every complete answer path in one context, in template order, as the engine asks: a question is
 * shown when its showWhen holds over the answers given so far. Returns false when the visitor stopped.
 */
export function walkPaths(t: BundleTemplate, ctx: WalkContext, candidates: AnswerValue[][], visitor: PathVisitor): boolean {
  const answers: Answers = {}
  const scope: RuleScope = { answers, region: ctx.region, applicantKind: ctx.applicantKind, params: resolveParams(t.params, ctx.region) }
  const questions = t.questions
  let going = true
  const step = (i: number): void => {
    if (!going) return
    visitor.enter?.(i, scope)
    if (i === questions.length) {
      if (visitor.leaf(answers, scope) === false) going = false
      return
    }
    const q = questions[i]
    if (!holds(q.showWhen, scope)) return step(i + 1)
    visitor.visible?.(i)
    for (const value of candidates[i]) {
      answers[q.id] = value
      step(i + 1)
      if (!going) break
    }
    delete answers[q.id]
  }
  step(0)
  return going
}
