import {
  evaluateRule,
  holds,
  numericBoundaries,
  pickByRegion,
  resolveParam,
  resolveParams,
  ruleParamRefs,
  ruleQuestionRefs,
  templateNumericBoundaries,
  type RuleScope,
} from '@/domain/rules'
import type { Answers, BundleTemplate, Rule } from '@/domain/template/types'
import restaurantJson from '../fixtures/templates/restaurant.json'

const restaurant = restaurantJson as unknown as BundleTemplate
const fireRule = restaurant.matters.find((m) => m.id === 'fire')!.appliesWhen as Rule

function scope(answers: Answers, region = '430100', applicantKind: 'person' | 'firm' = 'person'): RuleScope {
  return { answers, region, applicantKind, params: resolveParams(restaurant.params, region) }
}

describe('regional parameters', () => {
  const param = { default: 300, byRegion: { '420000': 150, '430200': 200, '430202': 120 }, provenance: { sample: true as const } }

  it('uses the most specific matching prefix, else the default', () => {
    expect(resolveParam(param, '430100')).toBe(300) // 长沙: default
    expect(resolveParam(param, '430211')).toBe(200) // 株洲某区: city entry
    expect(resolveParam(param, '430202')).toBe(120) // district entry beats city
    expect(resolveParam(param, '420106')).toBe(150) // 湖北 province code stands for the whole province
    expect(resolveParam({ default: 'and', provenance: { sample: true } }, '420106')).toBe('and')
  })

  it('falls back to the * entry for a region map (实施机关)', () => {
    const authority = { '*': '县级市场监管局', '430100': '长沙市市场监管局' }
    expect(pickByRegion(authority, '430104')).toBe('长沙市市场监管局')
    expect(pickByRegion(authority, '430300')).toBe('县级市场监管局')
  })
})

describe('evaluateRule', () => {
  const s = scope({ yes: true, no: false, n: 12, menu: ['coldDishes', 'drinks'], kind: 'a' })

  it('compares values', () => {
    expect(evaluateRule({ '==': [{ var: 'kind' }, 'a'] }, s)).toBe(true)
    expect(evaluateRule({ '!=': [{ var: 'kind' }, 'a'] }, s)).toBe(false)
    expect(evaluateRule({ '>': [{ var: 'n' }, 10] }, s)).toBe(true)
    expect(evaluateRule({ '>=': [{ var: 'n' }, 12] }, s)).toBe(true)
    expect(evaluateRule({ '<': [{ var: 'n' }, 12] }, s)).toBe(false)
    expect(evaluateRule({ '<=': [{ var: 'n' }, 12] }, s)).toBe(true)
    // ordering is only between numbers
    expect(evaluateRule({ '>': [{ var: 'kind' }, 1] }, s)).toBe(false)
  })

  it('combines with and / or / !', () => {
    expect(holds({ and: [{ var: 'yes' }, { '>': [{ var: 'n' }, 1] }] }, s)).toBe(true)
    expect(holds({ and: [{ var: 'yes' }, { var: 'no' }] }, s)).toBe(false)
    expect(holds({ or: [{ var: 'no' }, { var: 'yes' }] }, s)).toBe(true)
    expect(holds({ or: [{ var: 'no' }, false] }, s)).toBe(false)
    expect(holds({ '!': { var: 'no' } }, s)).toBe(true)
    expect(holds({ and: [] }, s)).toBe(true)
    expect(holds({ or: [] }, s)).toBe(false)
  })

  it('tests membership in a literal list and in a multiple-choice answer', () => {
    expect(holds({ in: ['drinks', { var: 'menu' }] }, s)).toBe(true)
    expect(holds({ in: ['seafood', { var: 'menu' }] }, s)).toBe(false)
    expect(holds({ in: [{ var: 'kind' }, ['a', 'b']] }, s)).toBe(true)
    expect(holds({ in: [{ var: 'kind' }, ['c']] }, s)).toBe(false)
  })

  it('reads the context through $region and $applicantKind', () => {
    expect(holds({ '==': [{ var: '$applicantKind' }, 'person'] }, s)).toBe(true)
    expect(holds({ in: [{ var: '$region' }, ['430100', '430200']] }, s)).toBe(true)
    expect(holds({ '==': [{ var: '$applicantKind' }, 'firm'] }, scope({}, '430100', 'person'))).toBe(false)
  })

  it('chooses a branch with if', () => {
    expect(evaluateRule({ if: [{ var: 'yes' }, 'then', 'else'] }, s)).toBe('then')
    expect(evaluateRule({ if: [{ var: 'no' }, 'then', 'else'] }, s)).toBe('else')
  })

  it('knows whether a question was answered', () => {
    expect(holds({ answered: 'no' }, s)).toBe(true)
    expect(holds({ answered: 'missing' }, s)).toBe(false)
  })

  describe('missing answers never switch anything on', () => {
    const empty = scope({})
    it.each<[string, Rule]>([
      ['==', { '==': [{ var: 'q' }, 'a'] }],
      ['!=', { '!=': [{ var: 'q' }, 'a'] }],
      ['>', { '>': [{ var: 'q' }, 1] }],
      ['<', { '<': [{ var: 'q' }, 1] }],
      ['negated comparison', { '!': { '==': [{ var: 'q' }, 'a'] } }],
      ['negated var', { '!': { var: 'q' } }],
      ['or with a false branch', { or: [false, { '!=': [{ var: 'q' }, 'x'] }] }],
      ['in', { in: [{ var: 'q' }, ['a']] }],
      ['not in', { '!': { in: ['a', { var: 'q' }] } }],
      ['if on a missing answer', { if: [{ var: 'q' }, true, true] }],
      ['unknown param', { '==': [{ param: 'nope' }, { param: 'nope' }] }],
    ])('%s', (_name, rule) => {
      expect(holds(rule, empty)).toBe(false)
    })

    it('but a known false inside and still decides', () => {
      expect(evaluateRule({ and: [{ var: 'q' }, false] }, empty)).toBe(false)
      expect(evaluateRule({ or: [{ var: 'q' }, true] }, empty)).toBe(true)
      expect(evaluateRule({ and: [{ var: 'q' }, true] }, empty)).toBeUndefined()
    })
  })

  it('treats an absent rule as holding', () => {
    expect(holds(undefined, scope({}))).toBe(true)
  })
})

describe('regional fire-check rule (Hunan: and, Hubei: or)', () => {
  it.each([
    // region, investment 万元, area ㎡, expected
    ['430100', 50, 400, true],
    ['430100', 50, 200, false],
    ['430100', 20, 400, false],
    ['430100', 30, 301, false], // 30 is not > 30
    ['420100', 50, 200, true],
    ['420100', 20, 400, true],
    ['420100', 20, 200, false],
    ['430202', 50, 250, true], // 株洲 threshold 200 in the fixture
  ] as const)('%s invest %d area %d → %s', (region, investment, area, expected) => {
    expect(holds(fireRule, scope({ investment, area }, region))).toBe(expected)
  })

  it('stays off in Hubei until an answer crosses a threshold', () => {
    expect(holds(fireRule, scope({ area: 200 }, '420100'))).toBe(false)
    expect(holds(fireRule, scope({ area: 400 }, '420100'))).toBe(true) // or: one known true suffices
    expect(holds(fireRule, scope({ area: 400 }, '430100'))).toBe(false) // and: investment still unknown
  })
})

describe('references for the checker', () => {
  it('lists questions and params a rule reads', () => {
    expect(ruleQuestionRefs(fireRule)).toEqual(['investment', 'area'])
    expect(ruleParamRefs(fireRule).sort()).toEqual(['fireAreaM2', 'fireCheckCombine', 'fireInvestmentWan'])
    expect(ruleQuestionRefs({ and: [{ answered: 'a' }, { var: '$region' }, { in: ['x', [{ var: 'b' }]] }] })).toEqual(['a', 'b'])
    expect(ruleQuestionRefs(undefined)).toEqual([])
  })

  it('gives numeric boundaries over every region, for number questions only', () => {
    expect(numericBoundaries(fireRule, restaurant)).toEqual({ investment: [30], area: [200, 300] })
    // a yes/no question compared with a number is not a numeric boundary
    expect(numericBoundaries({ '==': [{ var: 'sellsCigarettes' }, 1] }, restaurant)).toEqual({})
    // literal on the left, if-branches, in-lists
    expect(numericBoundaries({ '<': [5, { var: 'area' }] }, restaurant)).toEqual({ area: [5] })
    expect(numericBoundaries({ '>': [{ var: 'area' }, { if: [{ var: '$region' }, 10, { param: 'fireAreaM2' }] }] }, restaurant)).toEqual({
      area: [10, 200, 300],
    })
    expect(numericBoundaries({ in: [{ var: 'investment' }, [1, 2]] }, restaurant)).toEqual({ investment: [1, 2] })
  })

  it('collects boundaries across a whole template', () => {
    expect(templateNumericBoundaries(restaurant)).toEqual({ investment: [30], area: [50, 200, 300] })
  })
})
