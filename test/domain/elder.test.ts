// 长辈版, simpler: questions the platform can answer are not asked; the form folds away optional fields
// nothing was typed in (never one holding a value, an error, or the platform's refusal).
import tuixiuJson from '../../mock/catalogue/bundles/tuixiu.json'
import { foldOptional, guide, pathLength, type GuideDraft, type PrefillData } from '@/domain/engine'
import { LICENCE_NAMES, ctx, draft, loadTemplate } from '../fixtures/templates'

const t = loadTemplate(tuixiuJson)
const NOW = '2025-03-03T09:00:00+08:00'
// a man born in May 1964: past the statutory age; his 社保卡 holds his contribution years and bank
const ELDER: PrefillData = {
  profile: { name: '王建国', idNumber: '430102196405011234', mobile: '13812345678', sex: '男', birthDate: '1964-05-01' },
  licences: { socialSecurityCard: { contributionYears: '35', bank: '中国工商银行' } },
}
const ANSWERS = { retireType: 'normal', archiveReview: false, hukouOutOfProvince: false, medicalYears: 30, familyPlanning: 'onlyChild', filer: 'self', housingFund: true }
const context = ctx({ now: NOW, licences: ['socialSecurityCard'], consented: ['socialSecurityCard'] })
const g = (over: Partial<GuideDraft> = {}) => guide(t, draft({ answers: ANSWERS, ...over }), context, ELDER)

test('性别, 是否到龄 and 缴费年限 are answered from the profile and the 社保卡, said where they came from', () => {
  const visible = g().questions
  expect(visible.complete).toBe(true)
  const fromData = visible.visible.filter((v) => v.fromData).map((v) => [v.question.id, v.fromData?.sourceLabel])
  expect(fromData).toEqual([
    ['sex', '来自实名信息'],
    ['reachedAge', '来自实名信息'],
    ['contributionYears', expect.stringMatching(/^来自电子/)],
  ])
})

test('a typed answer is never replaced by the held one', () => {
  const sex = g({ answers: { ...ANSWERS, sex: 'female' } }).questions.visible.find((v) => v.question.id === 'sex')
  expect(sex?.answer).toBe('female')
  expect(sex?.fromData).toBeUndefined()
})

describe('foldOptional', () => {
  const ids = (fs: { id: string }[]) => fs.map((f) => f.id)
  test('optional fields that hold nothing are folded; required and prefilled ones stay', () => {
    const { shown, folded } = foldOptional(g().fields.all)
    expect(ids(folded)).toEqual(['housingFundAccount', 'gloryCertNumber'])
    expect(ids(shown)).toEqual(['applicantName', 'applicantIdNumber', 'applicantMobile', 'applicantAddress', 'workStartDate', 'retireDate', 'bankName', 'bankAccount', 'spouseName', 'spouseIdNumber'])
    expect(shown.filter((f) => f.prefill).map((f) => f.id)).toEqual(['applicantName', 'applicantIdNumber', 'applicantMobile', 'bankName'])
  })
  test('an optional field with something typed in it, an error, or a refusal by the platform stays in view', () => {
    const typed = foldOptional(g({ values: { gloryCertNumber: '湘荣 001' } }).fields.all)
    expect(ids(typed.shown)).toContain('gloryCertNumber')
    const refused = foldOptional(g().fields.all, { housingFundAccount: '公积金账号不存在' })
    expect(ids(refused.shown)).toContain('housingFundAccount')
    const withError = g().fields.all.map((f) => (f.id === 'gloryCertNumber' ? { ...f, error: '格式不正确' } : f))
    expect(ids(foldOptional(withError).shown)).toContain('gloryCertNumber')
  })
})

test('pathLength: the same screens and questions; 长辈版 shows 10 fields of 12 and folds 2', () => {
  const guidance = g()
  const normal = pathLength(guidance, false)
  const elder = pathLength(guidance, true)
  // 13 questions in the template, 10 visible on this path, 3 answered from data
  expect(normal).toMatchObject({ questionsAsked: 7, questionsAnsweredForYou: 3, fieldsShown: 12, fieldsToFill: 8, fieldsFolded: 0 })
  expect(elder).toMatchObject({ questionsAsked: 7, questionsAnsweredForYou: 3, fieldsShown: 10, fieldsToFill: 6, fieldsFolded: 2 })
  expect(elder.screens).toBe(normal.screens)
  expect(normal.screens).toBe(1 + 7 + 1 + 1 + 1 + 1)
})

describe('数据多跑路: 退休 answers 户籍 and 医保 years from the 户口簿 and 社保卡 the elder agreed to use', () => {
  const WANG: PrefillData = {
    profile: ELDER.profile,
    licences: {
      household: { regionCode: '430103', name: '王建国' },
      socialSecurityCard: { contributionYears: '38', provinceContributionYears: '38', medicalContributionYears: '33' },
    },
  }
  const both = ctx({ now: NOW, licences: ['household', 'socialSecurityCard'], consented: ['household', 'socialSecurityCard'], licenceNames: { ...LICENCE_NAMES, household: { name: '居民户口簿', shortName: '户口簿' } } })
  const ASKED = { retireType: 'normal', archiveReview: false, familyPlanning: 'onlyChild', filer: 'self', housingFund: true }
  const view = (gd: ReturnType<typeof guide>, id: string) => gd.questions.visible.find((v) => v.question.id === id)

  test('户口在湖南省外吗 is 否 from the 户口簿 (天心区 lies in 湖南), 医保 years from the 社保卡; 5 asked, 5 from data', () => {
    const gd = guide(t, draft({ answers: ASKED }), both, WANG)
    expect(gd.questions.complete).toBe(true)
    expect(view(gd, 'hukouOutOfProvince')).toMatchObject({ answer: false, answered: true, fromData: { sourceLabel: '来自电子户口簿' } })
    expect(view(gd, 'medicalYears')).toMatchObject({ answer: 33, answered: true, fromData: { sourceLabel: '来自电子社保卡' } })
    expect(view(gd, 'yearsInHunan')).toBeUndefined()
    expect(pathLength(gd, true)).toMatchObject({ questionsAsked: 5, questionsAnsweredForYou: 5 })
  })

  test('a 户口 outside 湖南 is 是, and the years in 湖南 then come from the 社保卡 too', () => {
    const outside = { ...WANG, licences: { ...WANG.licences, household: { regionCode: '420102' } } }
    const gd = guide(t, draft({ answers: ASKED }), both, outside)
    expect(view(gd, 'hukouOutOfProvince')).toMatchObject({ answer: true, fromData: { sourceLabel: '来自电子户口簿' } })
    expect(view(gd, 'yearsInHunan')).toMatchObject({ answer: 38, fromData: { sourceLabel: '来自电子社保卡' } })
  })

  test('what the elder typed stays: 户口在省外 typed 是 is kept although the 户口簿 says 湖南', () => {
    const gd = guide(t, draft({ answers: { ...ASKED, hukouOutOfProvince: true, yearsInHunan: 12, medicalYears: 20 } }), both, WANG)
    expect(view(gd, 'hukouOutOfProvince')).toMatchObject({ answer: true, answered: true })
    expect(view(gd, 'hukouOutOfProvince')?.fromData).toBeUndefined()
    expect(view(gd, 'yearsInHunan')).toMatchObject({ answer: 12 })
    expect(view(gd, 'medicalYears')).toMatchObject({ answer: 20 })
    expect(view(gd, 'medicalYears')?.fromData).toBeUndefined()
  })

  test('without consent, or with a 户籍地 that is not a region code, the question is asked', () => {
    const none = guide(t, draft({ answers: ASKED }), ctx({ now: NOW, licences: ['household', 'socialSecurityCard'], consented: [] }), WANG)
    expect(view(none, 'hukouOutOfProvince')?.answered).toBe(false)
    expect(view(none, 'medicalYears')?.answered).toBe(false)
    const odd = { ...WANG, licences: { ...WANG.licences, household: { regionCode: '长沙' } } }
    expect(view(guide(t, draft({ answers: ASKED }), both, odd), 'hukouOutOfProvince')?.answered).toBe(false)
  })
})

test('an option’s help names the elder’s dates, not the placeholder (弹性提前退休: 最早可在…退休)', () => {
  const retireType = g().questions.visible.find((v) => v.question.id === 'retireType')
  expect(retireType?.optionHelp?.flexible).toMatch(/最早可在\d{4}年\d{1,2}月\d{1,2}日退休/)
  expect(retireType?.optionHelp?.flexible).not.toContain('{')
})
