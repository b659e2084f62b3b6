// Every rule of a template with its JSON path, and small readers over rules the checker needs.
import { walkRule } from '../rules'
import type { BundleTemplate, Rule } from '../template/types'

export type Keys = (string | number)[]

export interface RuleAt {
  keys: Keys
  rule: Rule
  /** the question whose showWhen this is, so a question does not count as using itself */
  ownerQuestion?: string
}

export function rulesOf(t: BundleTemplate): RuleAt[] {
  const out: RuleAt[] = []
  const add = (rule: Rule | undefined, keys: Keys, ownerQuestion?: string) => {
    if (rule !== undefined) out.push({ keys, rule, ownerQuestion })
  }
  t.questions.forEach((q, i) => add(q.showWhen, ['questions', i, 'showWhen'], q.id))
  ;(t.stops ?? []).forEach((s, i) => add(s.when, ['stops', i, 'when']))
  t.fields.forEach((f, i) => add(f.requiredWhen, ['fields', i, 'requiredWhen']))
  t.matters.forEach((m, i) => {
    add(m.appliesWhen, ['matters', i, 'appliesWhen'])
    m.materials.forEach((r, j) => add(r.when, ['matters', i, 'materials', j, 'when']))
  })
  return out
}

type Literal = string | number | boolean | null
const isLiteral = (r: unknown): r is Literal => r === null || typeof r !== 'object'
const varOf = (r: Rule): string | undefined => (r !== null && typeof r === 'object' && 'var' in r ? r.var : undefined)

export interface Comparison {
  /** the variable read (question id or $region / $applicantKind) */
  name: string
  /** '==' '!=' '<' … or 'in-list' (var in [literals]) or 'contains' (literal in var) */
  op: string
  literal: Literal
}

/** Comparisons of a variable with a literal, as written in the rule. */
export function comparisons(rule: Rule): Comparison[] {
  const out: Comparison[] = []
  walkRule(rule, (node) => {
    for (const op of ['==', '!=', '>', '>=', '<', '<='] as const) {
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
