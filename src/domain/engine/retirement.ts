// The statutory retirement age a bundle works out for the applicant (template `retirement`): from the birth
// date and sex the platform holds, under the 2024 decision (../retirement.ts), instead of sending the citizen
// to another app's calculator.
import { evaluateRule, type RuleScope } from '../rules'
import { ageText, retirementPlan } from '../retirement'
import type { BundleTemplate } from '../template/types'
import { parseIsoDate } from '../validators'
import type { PrefillData, RetirementView } from './types'

export function retirementView(t: BundleTemplate, scope: RuleScope, today: string, data?: PrefillData): RetirementView | undefined {
  const birthDate = data?.profile?.birthDate
  if (!t.retirement || !birthDate || !parseIsoDate(birthDate)) return undefined
  const sexText = data?.profile?.sex
  const sex = sexText === '男' ? 'male' : sexText === '女' ? 'female' : undefined
  if (!sex) return undefined
  let femaleOriginalAge: 50 | 55 | undefined
  if (sex === 'female') {
    const original = evaluateRule(t.retirement.femaleOriginalAge, scope)
    if (original !== 50 && original !== 55) return undefined
    femaleOriginalAge = original
  }
  const plan = retirementPlan({ birthDate, sex, femaleOriginalAge })
  const s = plan.statutory
  return {
    age: ageText(s.age),
    date: s.date,
    reached: s.date <= today,
    minimumContributionYears: s.minimumContributionMonths / 12,
    earliest: plan.earliest.date,
    latest: plan.latest.date,
  }
}

const UNKNOWN = '（按身份证上的出生日期计算）'

function dateText(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

function yearsText(years: number): string {
  const whole = Math.floor(years)
  const months = Math.round((years - whole) * 12)
  return `${whole}年${months ? `${months}个月` : ''}`
}

/** What texts may name: {退休年龄}, {退休日期}, {最低缴费年限}. */
export function retirementNames(t: BundleTemplate, r: RetirementView | undefined): Record<string, string> {
  if (!t.retirement) return {}
  if (!r) return Object.fromEntries(RETIREMENT_NAMES.map((n) => [n, UNKNOWN]))
  return {
    退休年龄: r.age,
    退休日期: dateText(r.date),
    最低缴费年限: yearsText(r.minimumContributionYears),
    最早退休日期: dateText(r.earliest),
  }
}

/** {退休年龄} 60岁3个月, {退休日期} 2026年4月12日, {最低缴费年限} 15年, {最早退休日期} (弹性提前退休) */
export const RETIREMENT_NAMES = ['退休年龄', '退休日期', '最低缴费年限', '最早退休日期']
