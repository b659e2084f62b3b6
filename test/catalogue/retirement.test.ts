// 退休 and 灵活就业 work out the statutory retirement age from the birth date on the 身份证 (2024 decision,
// src/domain/retirement.ts) instead of sending the citizen to another app's calculator.
import { guide, type PrefillData } from '@/domain/engine'
import { checkTemplate } from '@/domain/checker'
import { bundle, bundleJson, ctx, draft } from './support'

const tuixiu = bundle('tuixiu')
const linghuo = bundle('linghuo-jiuye')
const data = (sex: '男' | '女', birthDate: string, contributionYears?: string): PrefillData => ({
  profile: { sex, birthDate },
  ...(contributionYears ? { licences: { socialSecurityCard: { contributionYears, bank: '长沙银行' } } } : {}),
})
const question = (g: ReturnType<typeof guide>, id: string) => g.questions.visible.find((v) => v.question.id === id)

describe('退休一件事', () => {
  test('a man born 1966-04-12: 60岁4个月 from 2026-08-12 (2024 decision, 附件1), filled from data, not asked', () => {
    const g = guide(tuixiu, draft({ answers: { retireType: 'normal' } }), ctx(), data('男', '1966-04-12'))
    expect(g.retirement).toMatchObject({ age: '60岁4个月', date: '2026-08-12', reached: true, minimumContributionYears: 15 })
    expect(question(g, 'sex')).toMatchObject({ answer: 'male', fromData: { sourceLabel: '来自实名信息' } })
    expect(question(g, 'femalePost')).toBeUndefined()
    expect(question(g, 'reachedAge')).toMatchObject({ answer: true, fromData: { sourceLabel: '来自实名信息' } })
    expect(question(g, 'reachedAge')?.help).toContain('法定退休年龄是60岁4个月，2026年8月12日达到')
    expect(question(g, 'retireType')?.help).not.toMatch(/湘易办|计算器/)
  })

  test('not yet reached: a dead end that names the date and keeps the draft', () => {
    const g = guide(tuixiu, draft({ answers: { retireType: 'normal' } }), ctx(), data('男', '1967-01-20'))
    expect(g.retirement).toMatchObject({ age: '60岁7个月', date: '2027-08-20', reached: false })
    expect(g.stop).toMatchObject({ id: 'notYetReached', kind: 'not-eligible' })
    expect(g.stop?.reason).toBe('按您身份证上的出生日期，法定退休年龄是60岁7个月，要到2027年8月20日才达到，现在还不能按到龄退休申请。')
    expect(g.stop?.whatToDo).toContain('最早2027年1月20日')
    expect(g.summary).toMatchObject({ stopped: true, matterCount: 0, materialCount: 0 })
    expect(g.blockers[0]).toContain('2027年8月20日')
  })

  test('a woman: the original age (50 or 55) is her answer, the rest from her birth date', () => {
    const worker = guide(tuixiu, draft({ answers: { femalePost: 'worker' } }), ctx(), data('女', '1976-03-05'))
    // 附件2: births from 1975-01 add one month per two birth months (1976-03 → 8 months)
    expect(worker.retirement).toMatchObject({ age: '50岁8个月', date: '2026-11-05', reached: true })
    const cadre = guide(tuixiu, draft({ answers: { femalePost: 'cadre' } }), ctx(), data('女', '1976-03-05'))
    // 附件3: births from 1970-01 add one month per four birth months (1976-03 → 19 months)
    expect(cadre.retirement).toMatchObject({ age: '56岁7个月', date: '2032-10-05', reached: false })
    // before she answers, texts say how it will be worked out rather than guess
    const before = guide(tuixiu, draft(), ctx(), data('女', '1976-03-05'))
    expect(before.retirement).toBeUndefined()
    expect(question(before, 'retireType')?.help).toContain('（按身份证上的出生日期计算）')
  })

  test('缴费年限 comes from the 社保卡 once the citizen consents, to confirm', () => {
    const held = data('男', '1966-04-12', '31')
    expect(question(guide(tuixiu, draft(), ctx({ consented: [] }), held), 'contributionYears')?.answered).toBe(false)
    const g = guide(tuixiu, draft(), ctx({ licences: ['socialSecurityCard'], consented: ['socialSecurityCard'] }), held)
    expect(question(g, 'contributionYears')).toMatchObject({ answer: 31, answered: true, fromData: { sourceLabel: '来自电子社保卡' } })
  })

  test('the minimum contribution is the sourced 15 years (until 2029)', () => {
    const g = guide(tuixiu, draft({ answers: { sex: 'male', retireType: 'normal', reachedAge: true, contributionYears: 12 } }), ctx())
    expect(g.stop).toMatchObject({ id: 'notEnoughYears' })
    expect(g.stop?.reason).toContain('不满15年')
    expect(tuixiu.params?.minContributionYears.provenance).toMatchObject({ source: expect.stringContaining('附件4') })
  })

  test('a text naming {退休日期} in a bundle that does not work it out is refused by the checker', () => {
    const json = bundleJson('tuixiu')
    delete json.retirement
    const questions = (json.questions as { id: string; prefill?: unknown }[]).map((q) => (q.id === 'reachedAge' ? { ...q, prefill: undefined } : q))
    const found = checkTemplate('tuixiu.json', { ...json, questions }).issues.map((i) => i.message)
    expect(found).toContain('文字中的“{退休日期}”需要写明 retirement（按出生日期计算退休年龄）')
  })
})

describe('灵活就业一件事', () => {
  test('age and sex from the 身份证; the retirement stop from the computed date, not a fixed 60/55', () => {
    // a woman of 50 who was a 工人: born 1976-09, 20 birth months after 1975-01 → 11 months later (50岁11个月)
    const g = guide(linghuo, draft({ answers: { femalePost: 'worker' } }), ctx(), data('女', '1976-09-10'))
    expect(question(g, 'age')).toMatchObject({ answer: 50, fromData: expect.anything() })
    expect(g.retirement).toMatchObject({ age: '50岁11个月', date: '2027-08-10', reached: false })
    expect(g.stop?.id).not.toBe('retirementAge')
    // a man of 60 born 1966-08: 60岁5个月 → 2027-01, not yet reached; the old fixed 60 would have stopped him
    const man = guide(linghuo, draft(), ctx(), data('男', '1966-08-15'))
    expect(question(man, 'age')?.answer).toBe(60)
    expect(man.retirement).toMatchObject({ age: '60岁5个月', date: '2027-01-15', reached: false })
    expect(man.stop?.id).not.toBe('retirementAge')
    const older = guide(linghuo, draft(), ctx(), data('男', '1965-06-15'))
    expect(older.stop).toMatchObject({ id: 'retirementAge', otherBundleId: 'tuixiu' })
    expect(older.stop?.reason).toContain('法定退休年龄是60岁2个月（2025年8月15日）')
  })
})
