// Three-valued rules: an unanswered question is unknown, and nothing switches on through it. For any rule and
// any answers, what the rule says over part of the answers (when it says anything) is what it says over all
// of them: a rule that holds with a question unanswered still holds whatever the answer turns out to be.
import * as fc from 'fast-check'
import { evaluateRule, holds, type RuleScope } from '@/domain/rules'
import type { Answers, Rule } from '@/domain/template/types'

const OPTIONS = ['a', 'b', 'c']
const QUESTIONS = ['yes', 'n', 'pick', 'many'] as const

const answerOf: Record<(typeof QUESTIONS)[number], fc.Arbitrary<Answers[string]>> = {
  yes: fc.boolean(),
  n: fc.integer({ min: 0, max: 6 }),
  pick: fc.constantFrom(...OPTIONS),
  many: fc.subarray(OPTIONS),
}

const literal = fc.oneof(fc.boolean(), fc.integer({ min: 0, max: 6 }), fc.constantFrom(...OPTIONS), fc.constant(null))
const variable = fc.constantFrom(...QUESTIONS).map((q): Rule => ({ var: q }))

const { rule } = fc.letrec<{ rule: Rule; operand: Rule }>((tie) => ({
  operand: fc.oneof(literal, variable, variable, fc.constant<Rule>({ param: 'limit' })),
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(fc.constantFrom('==', '!=', '>', '>=', '<', '<='), tie('operand'), tie('operand')).map(([op, a, b]) => ({ [op]: [a, b] }) as Rule),
    fc.array(tie('rule'), { maxLength: 3 }).map((and): Rule => ({ and })),
    fc.array(tie('rule'), { maxLength: 3 }).map((or): Rule => ({ or })),
    tie('rule').map((r): Rule => ({ '!': r })),
    fc.tuple(tie('operand'), fc.array(tie('operand'), { maxLength: 3 })).map(([x, list]): Rule => ({ in: [x, list] })),
    fc.tuple(tie('operand'), variable).map(([x, list]): Rule => ({ in: [x, list] })),
    fc.tuple(tie('rule'), tie('rule'), tie('rule')).map(([c, t, e]): Rule => ({ if: [c, t, e] })),
    fc.constantFrom(...QUESTIONS).map((q): Rule => ({ answered: q })),
    tie('operand'),
  ),
}))

const fullAnswers = fc.record(answerOf)
const scope = (answers: Answers): RuleScope => ({ answers, region: '430104', applicantKind: 'person', params: { limit: 3 } })

test('a rule that holds with questions unanswered holds whatever their answers turn out to be', () => {
  fc.assert(
    fc.property(rule, fullAnswers, fc.subarray([...QUESTIONS]), (r, full, unanswered) => {
      const partial: Answers = { ...full }
      for (const q of unanswered) delete partial[q]
      // `answered` is the one operator that reads the absence itself
      fc.pre(!JSON.stringify(r).includes('"answered"'))
      if (holds(r, scope(partial))) expect(holds(r, scope(full))).toBe(true)
      const known = evaluateRule(r, scope(partial))
      if (known !== undefined) expect(evaluateRule(r, scope(full))).toEqual(known)
    }),
    { numRuns: 3000 },
  )
})

test('found broken: “a” not among the answers to an unanswered question is unknown, not “yes”', () => {
  const r: Rule = { '!': { in: ['a', [{ var: 'q' }]] } }
  expect(evaluateRule(r, scope({}))).toBeUndefined()
  expect(holds(r, scope({}))).toBe(false)
  expect(holds(r, scope({ q: 'b' }))).toBe(true)
  expect(holds(r, scope({ q: 'a' }))).toBe(false)
})

test('within: a district lies within its city and province, never the other way; unknown stays unknown', () => {
  const w = (code: Rule, area: string) => evaluateRule({ within: [code, area] }, scope({}))
  expect(w({ var: '$region' }, '430100')).toBe(true)
  expect(w({ var: '$region' }, '43')).toBe(true)
  expect(w({ var: '$region' }, '430200')).toBe(false)
  expect(w('430100', '430104')).toBe(false)
  expect(w({ var: 'q' }, '430100')).toBeUndefined()
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }), (city, district) => {
      const c = `43${String(city).padStart(2, '0')}`
      const d = `${c}${String(district).padStart(2, '0')}`
      expect(w(d, `${c}00`)).toBe(true)
      expect(w(`${c}00`, d)).toBe(false)
    }),
  )
})
