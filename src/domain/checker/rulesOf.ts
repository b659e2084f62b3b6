// Every rule of a template with its JSON path, and small readers over rules the checker needs.
import { walkRule } from '../rules'
import type { BundleTemplate, Rule } from '../template/types'

export type Keys = (string | number)[]

export interface RuleAt {
  keys: Keys
  rule: Rule
  /** the question whose showWhen this is, so a question does not count as using itself */
  ownerQuestion?: string
  /**
   * a rule on what the path costs (deadline, visits, fees): it may read the applicant's choices
   * ($handling, $promises); the others decide what applies and may not (the choices depend on them)
   */
  cost?: true
  /** shapes only texts and data-filled answers (template `retirement`), never what applies */
  textOnly?: true
}

export function rulesOf(t: BundleTemplate): RuleAt[] {
  const out: RuleAt[] = []
  const add = (rule: Rule | undefined, keys: Keys, ownerQuestion?: string) => {
    if (rule !== undefined) out.push({ keys, rule, ownerQuestion })
  }
  const cost = (rule: Rule | undefined, keys: Keys) => {
    if (rule !== undefined) out.push({ keys, rule, cost: true })
  }
  t.questions.forEach((q, i) => add(q.showWhen, ['questions', i, 'showWhen'], q.id))
  ;(t.stops ?? []).forEach((s, i) => add(s.when, ['stops', i, 'when']))
  t.fields.forEach((f, i) => {
    add(f.requiredWhen, ['fields', i, 'requiredWhen'])
    add(f.showWhen, ['fields', i, 'showWhen'])
  })
  ;(t.groups ?? []).forEach((g, i) => (g.materials ?? []).forEach((r, j) => add(r.when, ['groups', i, 'materials', j, 'when'])))
  t.matters.forEach((m, i) => {
    add(m.appliesWhen, ['matters', i, 'appliesWhen'])
    m.materials.forEach((r, j) => add(r.when, ['matters', i, 'materials', j, 'when']))
    ;(m.promisedLimitWhen ?? []).forEach((x, j) => cost(x.when, ['matters', i, 'promisedLimitWhen', j, 'when']))
    m.fees.forEach((f, j) => cost(f.when, ['matters', i, 'fees', j, 'when']))
    ;(m.contributions ?? []).forEach((c, j) => cost(c.when, ['matters', i, 'contributions', j, 'when']))
  })
  ;(t.promisedLimitWhen ?? []).forEach((x, j) => cost(x.when, ['promisedLimitWhen', j, 'when']))
  ;(t.visitsWhen ?? []).forEach((x, j) => cost(x.when, ['visitsWhen', j, 'when']))
  if (t.retirement) out.push({ keys: ['retirement', 'femaleOriginalAge'], rule: t.retirement.femaleOriginalAge, textOnly: true })
  return out
}

type Literal = string | number | boolean | null
const isLiteral = (r: unknown): r is Literal => r === null || typeof r !== 'object'
const varOf = (r: Rule): string | undefined => (r !== null && typeof r === 'object' && 'var' in r ? r.var : undefined)

export interface Comparison {
  /** the variable read (question id or $region / $applicantKind) */
  name: string
  /** '==' '!=' '<' … 'within' (a region in an area), 'in-list' (var in [literals]) or 'contains' (literal in var) */
  op: string
  literal: Literal
}

/** Comparisons of a variable with a literal, as written in the rule. */
export function comparisons(rule: Rule): Comparison[] {
  const out: Comparison[] = []
  walkRule(rule, (node) => {
    for (const op of ['==', '!=', '>', '>=', '<', '<=', 'within'] as const) {
      if (!(op in node)) continue
      const [a, b] = (node as Record<string, [Rule, Rule]>)[op]
      const va = varOf(a)
      const vb = varOf(b)
      if (va !== undefined && isLiteral(b)) out.push({ name: va, op, literal: b })
      if (vb !== undefined && isLiteral(a)) out.push({ name: vb, op, literal: a })
    }
    if ('in' in node) {
      const [needle, haystack] = node.in
      const vn = varOf(needle)
      if (vn !== undefined && Array.isArray(haystack))
        haystack.forEach((h) => {
          if (isLiteral(h)) out.push({ name: vn, op: 'in-list', literal: h })
        })
      const vh = Array.isArray(haystack) ? undefined : varOf(haystack)
      if (vh !== undefined && isLiteral(needle)) out.push({ name: vh, op: 'contains', literal: needle })
    }
  })
  return out
}
