// Statutory retirement age under the progressive reform: 全国人民代表大会常务委员会关于实施渐进式延迟法定
// 退休年龄的决定 (2024-09-13) and its annex 国务院关于渐进式延迟法定退休年龄的办法 with 附件 1–4.
//
// Contract of retirementPlan (pure, no clock):
// - In: birth date 'YYYY-MM-DD' (from the 身份证), sex, and for a woman her original retirement age:
//   50 (女工人, production posts) or 55 (女干部, management and technical posts). Optionally an elected
//   flexible retirement in whole months: negative = earlier (弹性提前), positive = later (弹性延迟).
// - Out: the original and the statutory moment (age, month, day, minimum contribution), the bounds a
//   citizen may elect, and `retirement`: the elected moment, or the statutory one when none is elected.
//   An election outside the bounds gives `error` (a Chinese sentence for the field) and no `retirement`.
// - Malformed input (not a real date, a woman without her original age) is a programming error:
//   RangeError. Special posts (特殊工种), illness and other rules "另有规定" are not covered.
// - Electing early also needs the minimum contribution of the elected moment; the caller, who knows the
//   contribution record, checks it. Electing later needs the employer's agreement (协商一致).
import { daysInMonth, parseIsoDate, type Sex } from './validators'

export type OriginalRetirementAge = 60 | 55 | 50

export interface RetirementInput {
  /** 'YYYY-MM-DD' */
  birthDate: string
  sex: Sex
  /** women only: 50 (女工人) or 55 (女干部) */
  femaleOriginalAge?: 50 | 55
  /** elected flexible retirement in months: < 0 earlier, > 0 later */
  electedMonths?: number
}

export interface Age {
  years: number
  months: number
}

export interface RetirementMoment {
  age: Age
  /** 'YYYY-MM': the month the age is reached, as the official tables give it */
  month: string
  /** 'YYYY-MM-DD': the day the age is reached (the birth day in that month, or the month's last day) */
  date: string
  /** minimum contribution to draw a monthly pension when retiring then, in months (附件4: 180 → 240) */
  minimumContributionMonths: number
}

export type RetirementPlan = {
  originalAge: OriginalRetirementAge
  /** months added by the reform (0 for anyone who reached the original age before 2025) */
  delayMonths: number
  original: RetirementMoment
  statutory: RetirementMoment
  /** the earliest a citizen may elect: up to 3 years before the statutory age, never before the original */
  earliest: RetirementMoment
  /** the latest a citizen may elect: up to 3 years after the statutory age */
  latest: RetirementMoment
} & ({ retirement: RetirementMoment; error?: undefined } | { retirement?: undefined; error: string })

// Per original age: the first birth month affected, how many birth months share one month of delay, the cap.
const SCHEDULE: Record<OriginalRetirementAge, { firstBirthYear: number; birthMonthsPerStep: number; maxDelay: number }> = {
  60: { firstBirthYear: 1965, birthMonthsPerStep: 4, maxDelay: 36 },
  55: { firstBirthYear: 1970, birthMonthsPerStep: 4, maxDelay: 36 },
  50: { firstBirthYear: 1975, birthMonthsPerStep: 2, maxDelay: 60 },
}
const FLEXIBLE_MONTHS = 36
const REFORM_START_MONTH = '2025-01'

/** 附件4: 15 years until 2029, then 6 months more each year, 20 years from 2039. */
export function minimumContributionMonths(retirementYear: number): number {
  return 180 + 6 * Math.min(10, Math.max(0, retirementYear - 2029))
}

/** "60岁1个月", "63岁". */
export function ageText(age: Age): string {
  return `${age.years}岁${age.months ? `${age.months}个月` : ''}`
}

export function retirementPlan(input: RetirementInput): RetirementPlan {
  const birth = parseIsoDate(input.birthDate)
  if (!birth) throw new RangeError(`出生日期应为 YYYY-MM-DD：${input.birthDate}`)
  const originalAge: OriginalRetirementAge | undefined = input.sex === 'male' ? 60 : input.femaleOriginalAge
  if (originalAge === undefined) throw new RangeError('女职工须给出原法定退休年龄 50 或 55')

  const { firstBirthYear, birthMonthsPerStep, maxDelay } = SCHEDULE[originalAge]
  const birthMonthsAfterFirst = (birth.y - firstBirthYear) * 12 + (birth.m - 1)
  const delayMonths = birthMonthsAfterFirst < 0 ? 0 : Math.min(maxDelay, Math.floor(birthMonthsAfterFirst / birthMonthsPerStep) + 1)

  const at = (ageMonths: number): RetirementMoment => {
    const monthIndex = birth.y * 12 + (birth.m - 1) + ageMonths
    const y = Math.floor(monthIndex / 12)
    const m = (monthIndex % 12) + 1
    const d = Math.min(birth.d, daysInMonth(y, m))
    const mm = String(m).padStart(2, '0')
    return {
      age: { years: Math.floor(ageMonths / 12), months: ageMonths % 12 },
      month: `${y}-${mm}`,
      date: `${y}-${mm}-${String(d).padStart(2, '0')}`,
      minimumContributionMonths: minimumContributionMonths(y),
    }
  }
  const originalMonths = originalAge * 12
  const statutoryMonths = originalMonths + delayMonths
  const statutory = at(statutoryMonths)
  // Flexible retirement exists from the reform on: whoever reached the age before 2025 had none.
  const flexible = statutory.month >= REFORM_START_MONTH
  const earliestMonths = flexible ? Math.max(originalMonths, statutoryMonths - FLEXIBLE_MONTHS) : statutoryMonths
  const latestMonths = flexible ? statutoryMonths + FLEXIBLE_MONTHS : statutoryMonths
  const plan = { originalAge, delayMonths, original: at(originalMonths), statutory, earliest: at(earliestMonths), latest: at(latestMonths) }

  const elected = input.electedMonths ?? 0
  if (!Number.isInteger(elected)) return { ...plan, error: '弹性退休请按整月选择' }
  if (elected !== 0 && !flexible) return { ...plan, error: '2025 年以前已达到法定退休年龄的，不适用弹性退休' }
  if (statutoryMonths + elected < earliestMonths) {
    return { ...plan, error: `最多可提前 ${statutoryMonths - earliestMonths} 个月退休，且不早于原法定退休年龄 ${originalAge} 岁` }
  }
  if (statutoryMonths + elected > latestMonths) return { ...plan, error: '弹性延迟退休最长不超过 3 年（36 个月）' }
  return { ...plan, retirement: at(statutoryMonths + elected) }
}
