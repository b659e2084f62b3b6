// Evaluation of template rules (typed JsonLogic subset, see Rule in template/types.ts).
//
// Missing answers are *unknown* (undefined), not false: a comparison, `in` or `!` over an unknown
// stays unknown, `and`/`or` follow three-valued logic, and a rule holds only when it is definitely
// true. So a matter, stop or question never switches on from a question nobody answered yet, even
// through a negation.
import type { AnswerValue, Answers, ApplicantKind, BundleTemplate, RegionCode, RegionalParam, Rule } from './template/types'

export type ParamValue = string | number | boolean
export type RuleValue = AnswerValue | null | undefined

export interface RuleScope {
  answers: Answers
  region: RegionCode
  applicantKind: ApplicantKind
  /** the template's params already resolved for `region` (see resolveParams) */
  params: Record<string, ParamValue>
  /** `$handling`: the applicant's 办理方式, in deadline, visit and fee rules */
  handling?: 'online' | 'offline'
  /** `$promises`: ids of the materials met by 告知承诺, in deadline, visit and fee rules */
  promises?: string[]
}

/** '420000' → '42', '430200' → '4302': a province or city code stands for every code under it. */
export function regionPrefix(code: string): string {
  let p = code
  while (p.length > 2 && p.endsWith('00')) p = p.slice(0, -2)
  return p
}

/**
 * The one reading of the administrative hierarchy (GB/T 2260): `code` is `area` itself or lies under it.
 * 430104 (岳麓区) is within 430100 (长沙市) and 430000 (湖南省); 430100 is not within 430104.
 */
export function regionWithin(code: RegionCode, area: RegionCode): boolean {
  return code.startsWith(regionPrefix(area))
}

/** A bundle offered in `regions` may be filed for `region` when the region lies within one of them. */
export function offeredIn(regions: RegionCode[], region: RegionCode): boolean {
  return regions.some((r) => regionWithin(region, r))
}

/**
 * Entry for a region from a map keyed by region code (prefix): the most specific match wins, else the
 * '*' entry. Used for parameters and for 实施机关.
 */
export function pickByRegion<T>(map: Record<string, T> | undefined, region: RegionCode): T | undefined {
  let best: T | undefined = map?.['*']
  let bestLength = -1
  for (const [key, value] of Object.entries(map ?? {})) {
    if (key === '*') continue
    const prefix = regionPrefix(key)
    if (regionWithin(region, key) && prefix.length > bestLength) {
      best = value
      bestLength = prefix.length
    }
  }
  return best
}

/** Value of one parameter in a region: the most specific matching region prefix wins, else the default. */
export function resolveParam(param: RegionalParam, region: RegionCode): ParamValue {
  const regional = pickByRegion(param.byRegion, region)
  return regional === undefined ? param.default : regional
}

export function resolveParams(params: Record<string, RegionalParam> | undefined, region: RegionCode): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {}
  for (const [name, param] of Object.entries(params ?? {})) out[name] = resolveParam(param, region)
  return out
}

/** JsonLogic truthiness: unknown stays unknown. */
function truth(value: RuleValue): boolean | undefined {
  if (value === undefined) return undefined
  if (Array.isArray(value)) return value.length > 0
  return Boolean(value)
}

function compare(op: string, a: RuleValue, b: RuleValue): boolean | undefined {
  if (a === undefined || b === undefined) return undefined
  switch (op) {
    case '==':
      return sameValue(a, b)
    case '!=':
      return !sameValue(a, b)
  }
  // Ordering only between two numbers; anything else is not comparable, hence false.
  if (typeof a !== 'number' || typeof b !== 'number') return false
  switch (op) {
    case '>':
      return a > b
    case '>=':
      return a >= b
    case '<':
      return a < b
    default:
      return a <= b
  }
}

function sameValue(a: RuleValue, b: RuleValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i])
  return a === b
}

/** Visits every object node of a rule (depth first). */
export function walkRule(rule: Rule, visit: (node: Exclude<Rule, boolean | number | string | null>) => void): void {
  if (rule === null || typeof rule !== 'object') return
  visit(rule)
  for (const operand of Object.values(rule) as unknown[]) {
    if (Array.isArray(operand)) {
      for (const x of operand) {
        if (Array.isArray(x)) x.forEach((y) => walkRule(y as Rule, visit))
        else walkRule(x as Rule, visit)
      }
    } else if (operand !== null && typeof operand === 'object') walkRule(operand as Rule, visit)
  }
}

export function evaluateRule(rule: Rule, scope: RuleScope): RuleValue {
  if (rule === null || typeof rule !== 'object') return rule
  if ('var' in rule) {
    if (rule.var === '$region') return scope.region
    if (rule.var === '$applicantKind') return scope.applicantKind
    if (rule.var === '$handling') return scope.handling
    if (rule.var === '$promises') return scope.promises
    return Object.prototype.hasOwnProperty.call(scope.answers, rule.var) ? scope.answers[rule.var] : undefined
  }
  if ('param' in rule) return Object.prototype.hasOwnProperty.call(scope.params, rule.param) ? scope.params[rule.param] : undefined
  if ('answered' in rule) return Object.prototype.hasOwnProperty.call(scope.answers, rule.answered)
  if ('and' in rule) {
    let result: boolean | undefined = true
    for (const r of rule.and) {
      const t = truth(evaluateRule(r, scope))
      if (t === false) return false
      if (t === undefined) result = undefined
    }
    return result
  }
  if ('or' in rule) {
    let result: boolean | undefined = false
    for (const r of rule.or) {
      const t = truth(evaluateRule(r, scope))
      if (t === true) return true
      if (t === undefined) result = undefined
    }
    return result
  }
  if ('!' in rule) {
    const t = truth(evaluateRule(rule['!'], scope))
    return t === undefined ? undefined : !t
  }
  if ('if' in rule) {
    const [cond, then, otherwise] = rule.if
    const t = truth(evaluateRule(cond, scope))
    if (t === undefined) return undefined
    return evaluateRule(t ? then : otherwise, scope)
  }
  if ('in' in rule) {
    const [needle, haystack] = rule.in
    const x = evaluateRule(needle, scope)
    if (x === undefined) return undefined
    const list = Array.isArray(haystack) ? haystack.map((r) => evaluateRule(r, scope)) : evaluateRule(haystack, scope)
    if (list === undefined) return undefined
    if (!Array.isArray(list)) return false
    if ((list as RuleValue[]).some((item) => item === x)) return true
    // a list with an unknown item may still hold x once it is known: not "no" yet
    return (list as RuleValue[]).some((item) => item === undefined) ? undefined : false
  }
  if ('within' in rule) {
    const [code, area] = rule.within.map((r) => evaluateRule(r, scope))
    if (code === undefined || area === undefined) return undefined
    return typeof code === 'string' && typeof area === 'string' && /^\d{2,6}$/.test(area) ? regionWithin(code, area) : false
  }
  const [op] = Object.keys(rule)
  const [a, b] = (rule as Record<string, [Rule, Rule]>)[op]
  return compare(op, evaluateRule(a, scope), evaluateRule(b, scope))
}

/** True only when the rule is definitely true; an absent rule holds. */
export function holds(rule: Rule | undefined, scope: RuleScope): boolean {
  if (rule === undefined) return true
  return truth(evaluateRule(rule, scope)) === true
}

/** Question ids a rule reads (through var or answered), in first-seen order. */
export function ruleQuestionRefs(rule: Rule | undefined): string[] {
  const out = new Set<string>()
  if (rule !== undefined)
    walkRule(rule, (node) => {
      if ('var' in node && !node.var.startsWith('$')) out.add(node.var)
      if ('answered' in node) out.add(node.answered)
    })
  return [...out]
}

/** Parameter names a rule reads. */
export function ruleParamRefs(rule: Rule | undefined): string[] {
  const out = new Set<string>()
  if (rule !== undefined)
    walkRule(rule, (node) => {
      if ('param' in node) out.add(node.param)
    })
  return [...out]
}

const COMPARISONS = ['==', '!=', '>', '>=', '<', '<='] as const

/** Every number an operand can take: literals, a param in any region, either branch of an if. */
function possibleNumbers(rule: Rule, template: BundleTemplate): number[] {
  if (typeof rule === 'number') return [rule]
  if (rule === null || typeof rule !== 'object') return []
  if ('param' in rule) {
    const p = template.params?.[rule.param]
    if (!p) return []
    return [p.default, ...Object.values(p.byRegion ?? {})].filter((x): x is number => typeof x === 'number')
  }
  if ('if' in rule) return [...possibleNumbers(rule.if[1], template), ...possibleNumbers(rule.if[2], template)]
  return []
}

/**
 * For each number question a rule compares against a constant or parameter, the thresholds (over all
 * regions), sorted. A checker walks value-1 / value / value+1 around each.
 */
export function numericBoundaries(rule: Rule | undefined, template: BundleTemplate): Record<string, number[]> {
  const numeric = new Set(template.questions.filter((q) => q.kind === 'number').map((q) => q.id))
  const found = new Map<string, Set<number>>()
  const note = (questionId: string, values: number[]) => {
    if (!values.length) return
    const set = found.get(questionId) ?? new Set<number>()
    values.forEach((x) => set.add(x))
    found.set(questionId, set)
  }
  const questionOf = (r: Rule): string | undefined =>
    r !== null && typeof r === 'object' && 'var' in r && numeric.has(r.var) ? r.var : undefined

  if (rule !== undefined)
    walkRule(rule, (node) => {
      for (const op of COMPARISONS) {
        if (!(op in node)) continue
        const [a, b] = (node as Record<string, [Rule, Rule]>)[op]
        const qa = questionOf(a)
        const qb = questionOf(b)
        if (qa) note(qa, possibleNumbers(b, template))
        if (qb) note(qb, possibleNumbers(a, template))
      }
      if ('in' in node) {
        const q = questionOf(node.in[0])
        const list = node.in[1]
        if (q && Array.isArray(list)) note(q, list.flatMap((r) => possibleNumbers(r, template)))
      }
    })
  const out: Record<string, number[]> = {}
  for (const [q, set] of found) out[q] = [...set].sort((x, y) => x - y)
  return out
}

/** Boundaries over every rule of a template (showWhen, appliesWhen, material when, requiredWhen, stops). */
export function templateNumericBoundaries(template: BundleTemplate): Record<string, number[]> {
  const rules: (Rule | undefined)[] = [
    ...template.questions.map((q) => q.showWhen),
    ...(template.stops ?? []).map((s) => s.when),
    ...template.fields.flatMap((f) => [f.requiredWhen, f.showWhen]),
    ...(template.groups ?? []).flatMap((g) => (g.materials ?? []).map((r) => r.when)),
    ...template.matters.flatMap((m) => [
      m.appliesWhen,
      ...m.materials.map((r) => r.when),
      ...(m.promisedLimitWhen ?? []).map((x) => x.when),
      ...m.fees.map((f) => f.when),
      ...(m.contributions ?? []).map((c) => c.when),
    ]),
    ...(template.promisedLimitWhen ?? []).map((x) => x.when),
    ...(template.visitsWhen ?? []).map((x) => x.when),
  ]
  const out: Record<string, Set<number>> = {}
  for (const rule of rules)
    for (const [q, values] of Object.entries(numericBoundaries(rule, template))) {
      out[q] ??= new Set()
      values.forEach((x) => out[q].add(x))
    }
  return Object.fromEntries(Object.entries(out).map(([q, set]) => [q, [...set].sort((x, y) => x - y)]))
}
