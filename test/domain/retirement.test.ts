// Rows of the decision's annex tables (国务院关于渐进式延迟法定退休年龄的办法: 附件1 男职工, 附件2 原55周岁
// 女职工, 附件3 原50周岁女职工, 附件4 最低缴费年限) as reproduced by several independent public calculators'
// test data; docs/decisions.md says where each was found.
import * as fc from 'fast-check'
import { ageText, minimumContributionMonths, retirementPlan, type RetirementInput } from '@/domain'

const MALE = { sex: 'male' } as const
const CADRE = { sex: 'female', femaleOriginalAge: 55 } as const
const WORKER = { sex: 'female', femaleOriginalAge: 50 } as const

function statutory(birthMonth: string, who: Omit<RetirementInput, 'birthDate'>) {
  const p = retirementPlan({ ...who, birthDate: `${birthMonth}-15` })
  return [ageText(p.statutory.age), p.statutory.month, p.delayMonths]
}

describe('statutory retirement age and month (附件1–3)', () => {
  test.each([
    ['1964-12', '60岁', '2024-12', 0],
    ['1965-01', '60岁1个月', '2025-02', 1],
    ['1965-04', '60岁1个月', '2025-05', 1],
    ['1965-05', '60岁2个月', '2025-07', 2],
    ['1966-01', '60岁4个月', '2026-05', 4],
    ['1975-06', '62岁8个月', '2038-02', 32],
    ['1976-08', '62岁11个月', '2039-07', 35],
    ['1976-09', '63岁', '2039-09', 36],
    ['1976-12', '63岁', '2039-12', 36],
    ['1990-06', '63岁', '2053-06', 36],
  ])('男职工 born %s: %s, %s', (birth, age, month, delay) => {
    expect(statutory(birth, MALE)).toEqual([age, month, delay])
  })

  test.each([
    ['1969-12', '55岁', '2024-12', 0],
    ['1970-01', '55岁1个月', '2025-02', 1],
    ['1970-06', '55岁2个月', '2025-08', 2],
    ['1970-09', '55岁3个月', '2025-12', 3],
    ['1971-06', '55岁5个月', '2026-11', 5],
    ['1981-08', '57岁11个月', '2039-07', 35],
    ['1981-09', '58岁', '2039-09', 36],
    ['1981-12', '58岁', '2039-12', 36],
  ])('原55周岁女职工 born %s: %s, %s', (birth, age, month, delay) => {
    expect(statutory(birth, CADRE)).toEqual([age, month, delay])
  })

  test.each([
    ['1974-12', '50岁', '2024-12', 0],
    ['1975-01', '50岁1个月', '2025-02', 1],
    ['1975-02', '50岁1个月', '2025-03', 1],
    ['1975-03', '50岁2个月', '2025-05', 2],
    ['1975-06', '50岁3个月', '2025-09', 3],
    ['1976-06', '50岁9个月', '2027-03', 9],
    ['1977-01', '51岁1个月', '2028-02', 13],
    ['1984-10', '54岁11个月', '2039-09', 59],
    ['1984-11', '55岁', '2039-11', 60],
    ['1984-12', '55岁', '2039-12', 60],
  ])('原50周岁女职工 born %s: %s, %s', (birth, age, month, delay) => {
    expect(statutory(birth, WORKER)).toEqual([age, month, delay])
  })

  test('the day is the birth day in the retirement month, or that month’s last day', () => {
    expect(retirementPlan({ ...MALE, birthDate: '1965-01-31' }).statutory.date).toBe('2025-02-28')
    expect(retirementPlan({ ...MALE, birthDate: '1965-12-31' }).statutory.date).toBe('2026-03-31')
    expect(retirementPlan({ ...WORKER, birthDate: '1976-02-29' }).statutory.date).toBe('2026-09-29')
    expect(retirementPlan({ ...CADRE, birthDate: '1968-02-29' }).statutory.date).toBe('2023-02-28')
  })
})

describe('minimum contribution (附件4)', () => {
  test.each([
    [2024, 180],
    [2025, 180],
    [2029, 180],
    [2030, 186],
    [2031, 192],
    [2035, 216],
    [2038, 234],
    [2039, 240],
    [2050, 240],
  ])('retiring in %i: %i months', (year, months) => {
    expect(minimumContributionMonths(year)).toBe(months)
  })

  test('follows the year of the moment, elected or not', () => {
    const p = retirementPlan({ ...MALE, birthDate: '1968-05-10', electedMonths: 36 })
    expect([p.statutory.month, p.statutory.minimumContributionMonths]).toEqual(['2029-04', 180])
    expect([p.retirement?.month, p.retirement?.minimumContributionMonths]).toEqual(['2032-04', 198])
  })
})

describe('flexible retirement (弹性提前 / 弹性延迟)', () => {
  test('up to 3 years earlier, never before the original age; up to 3 years later', () => {
    const first = retirementPlan({ ...MALE, birthDate: '1965-01-15' })
    expect([ageText(first.earliest.age), ageText(first.latest.age)]).toEqual(['60岁', '63岁1个月'])
    const last = retirementPlan({ ...WORKER, birthDate: '1984-12-15' })
    expect([ageText(last.earliest.age), ageText(last.latest.age)]).toEqual(['52岁', '58岁'])
    const young = retirementPlan({ ...CADRE, birthDate: '1990-03-15', electedMonths: -36 })
    expect([young.retirement && ageText(young.retirement.age), young.retirement?.month]).toEqual(['55岁', '2045-03'])
  })

  test('an election in the bounds is the retirement; none elected is the statutory one', () => {
    // born 1970-07: 61岁5个月, 2031-12
    const p = retirementPlan({ ...MALE, birthDate: '1970-07-01' })
    expect([ageText(p.statutory.age), p.statutory.month]).toEqual(['61岁5个月', '2031-12'])
    expect(p.retirement).toEqual(p.statutory)
    expect(retirementPlan({ ...MALE, birthDate: '1970-07-01', electedMonths: -12 }).retirement?.month).toBe('2030-12')
    expect(retirementPlan({ ...MALE, birthDate: '1970-07-01', electedMonths: 24 }).retirement?.month).toBe('2033-12')
  })

  test.each([
    [{ ...MALE, birthDate: '1965-01-15', electedMonths: -2 }, '最多可提前 1 个月退休，且不早于原法定退休年龄 60 岁'],
    [{ ...MALE, birthDate: '1980-01-15', electedMonths: -37 }, '最多可提前 36 个月退休，且不早于原法定退休年龄 60 岁'],
    [{ ...WORKER, birthDate: '1975-01-15', electedMonths: 37 }, '弹性延迟退休最长不超过 3 年（36 个月）'],
    [{ ...MALE, birthDate: '1964-06-15', electedMonths: 6 }, '2025 年以前已达到法定退休年龄的，不适用弹性退休'],
    [{ ...MALE, birthDate: '1970-01-15', electedMonths: 1.5 }, '弹性退休请按整月选择'],
  ])('%o is refused: %s', (input, message) => {
    const p = retirementPlan(input)
    expect(p.error).toBe(message)
    expect(p.retirement).toBeUndefined()
  })

  test('the first birth month affected may retire one month earlier, back to the original age', () => {
    const p = retirementPlan({ ...WORKER, birthDate: '1975-01-15', electedMonths: -1 })
    expect([p.retirement && ageText(p.retirement.age), p.retirement?.month]).toEqual(['50岁', '2025-01'])
  })
})

test('malformed input is a programming error', () => {
  expect(() => retirementPlan({ ...MALE, birthDate: '1970-02-30' })).toThrow(RangeError)
  expect(() => retirementPlan({ sex: 'female', birthDate: '1970-02-01' })).toThrow(RangeError)
})

describe('properties', () => {
  const birthDate = fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2005, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10))
  const who = fc.constantFrom<Omit<RetirementInput, 'birthDate'>>(MALE, CADRE, WORKER)

  test('a later birth never retires earlier, and the delay never exceeds the cap', () => {
    fc.assert(
      fc.property(who, birthDate, birthDate, (w, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a]
        const pa = retirementPlan({ ...w, birthDate: early })
        const pb = retirementPlan({ ...w, birthDate: late })
        expect(pa.statutory.date <= pb.statutory.date).toBe(true)
        expect(pa.delayMonths).toBeLessThanOrEqual(pb.delayMonths)
        expect(pb.delayMonths).toBeLessThanOrEqual(pb.originalAge === 50 ? 60 : 36)
      }),
    )
  })

  test('an election is accepted exactly when it lies between the bounds, and never goes below the original age', () => {
    const ageMonths = (m: { age: { years: number; months: number } }) => m.age.years * 12 + m.age.months
    fc.assert(
      fc.property(who, birthDate, fc.integer({ min: -40, max: 40 }), (w, birth, months) => {
        const plan = retirementPlan({ ...w, birthDate: birth })
        const inBounds = ageMonths(plan.earliest) <= ageMonths(plan.statutory) + months && ageMonths(plan.statutory) + months <= ageMonths(plan.latest)
        const p = retirementPlan({ ...w, birthDate: birth, electedMonths: months })
        expect(p.retirement !== undefined).toBe(inBounds)
        if (p.retirement) {
          expect(p.earliest.month <= p.retirement.month && p.retirement.month <= p.latest.month).toBe(true)
          expect(ageMonths(p.retirement)).toBeGreaterThanOrEqual(p.originalAge * 12)
        }
      }),
    )
  })
})
