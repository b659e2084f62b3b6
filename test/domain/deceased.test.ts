// 公民身后事: who may see a deceased's shared records (one rule, one message, app and platform), the deceased's
// ID number as typed, and the questions the records answer — never one the applicant answered themselves.
import shenhoushiJson from '../../mock/catalogue/bundles/shenhoushi.json'
import { DECEASED_RECORD_REFUSAL, deceasedIdNumberProblem, deceasedRecordStanding } from '@/domain/deceased'
import { guide, pathLength, type PrefillData } from '@/domain/engine'
import { ctx, draft, loadTemplate } from '../fixtures/templates'

const t = loadTemplate(shenhoushiJson)
const WIFE = { idNumber: '430103196003150023', householdNumber: '430103001203011' }

describe('deceasedRecordStanding', () => {
  test('same 户口簿 household, or the 结婚证 names the deceased as spouse', () => {
    expect(deceasedRecordStanding({ householdNumber: '430103001203011' }, WIFE)).toEqual({ ok: true, basis: '同一户口簿' })
    expect(deceasedRecordStanding({ householdNumber: '430104008805021', spouseIdNumber: '430103196003150023' }, WIFE)).toEqual({ ok: true, basis: '结婚登记' })
  })
  test('another household, no marriage, or nothing known: the one refusal', () => {
    expect(deceasedRecordStanding({ householdNumber: '430104008805021', spouseIdNumber: '430104199708230023' }, WIFE)).toEqual({ ok: false, message: DECEASED_RECORD_REFUSAL })
    expect(deceasedRecordStanding({}, WIFE)).toEqual({ ok: false, message: DECEASED_RECORD_REFUSAL })
    // a record without a household never matches an applicant without one
    expect(deceasedRecordStanding({}, { idNumber: WIFE.idNumber })).toMatchObject({ ok: false })
  })
  test('before any number (the app): refused only when the applicant has neither 户口簿 nor 结婚证', () => {
    expect(deceasedRecordStanding({ holds: [] })).toEqual({ ok: false, message: DECEASED_RECORD_REFUSAL })
    expect(deceasedRecordStanding({ holds: ['household'] }).ok).toBe(true)
  })
  test('the refusal is plain and does not say whether the person died', () => {
    expect(DECEASED_RECORD_REFUSAL).not.toMatch(/未登记|没有死亡|不存在/)
    expect(DECEASED_RECORD_REFUSAL).toMatch(/请您按实际情况回答下面的问题/)
  })
})

describe('deceasedIdNumberProblem', () => {
  test('checked as a 身份证号码, named as the deceased’s; not the applicant’s own', () => {
    expect(deceasedIdNumberProblem('430103196003150023', '430103195801012114', '2026-12-01')).toBeUndefined()
    expect(deceasedIdNumberProblem('430103196003150025', undefined, '2026-12-01')).toBe('逝者的身份证号码校验位不正确，请核对后重新输入')
    expect(deceasedIdNumberProblem('', undefined, '2026-12-01')).toBe('请填写逝者的身份证号码')
    expect(deceasedIdNumberProblem('430103195801012114', '430103195801012114', '2026-12-01')).toBe('这是您本人的身份证号码，请输入逝者的身份证号码')
  })
})

describe('身后事 questions answered from the deceased’s records', () => {
  const src = (value: string, source: string) => ({ value, source })
  const records: PrefillData = {
    profile: { name: '王德明', idNumber: '430103195801012114' },
    records: {
      deceased: {
        deathPlace: src('hospital', '卫健部门死亡医学证明'),
        hukouRegionCode: src('430103', '公安部门户籍记录'),
        pensionType: src('retired', '人社部门养老保险记录'),
        pensionPaidAfterDeath: src('true', '人社部门养老金发放记录'),
        medicalType: src('employee', '医保部门参保记录'),
        housingFund: src('true', '住房公积金中心缴存记录'),
        drivingLicence: src('false', '公安交管驾驶人记录'),
        subsidies: src('dibao,elderly', '民政部门和残联的待遇发放记录'),
      },
    },
  }
  const context = ctx({ now: '2026-12-01T09:00:00+08:00' })

  test('only the relation is asked; each answer says which department’s record it comes from', () => {
    const g = guide(t, draft({}), context, records)
    expect(g.questions.next?.id).toBe('relation')
    const fromData = Object.fromEntries(g.questions.visible.filter((v) => v.fromData).map((v) => [v.question.id, [v.answer, v.fromData?.sourceLabel]]))
    expect(fromData).toEqual({
      deathType: ['hospital', '来自卫健部门死亡医学证明'],
      hukouInHunan: [true, '来自公安部门户籍记录'],
      pensionType: ['retired', '来自人社部门养老保险记录'],
      overpaid: [true, '来自人社部门养老金发放记录'],
      medicalType: ['employee', '来自医保部门参保记录'],
      housingFund: [true, '来自住房公积金中心缴存记录'],
      drivingLicence: [false, '来自公安交管驾驶人记录'],
      subsidies: [['dibao', 'elderly'], '来自民政部门和残联的待遇发放记录'],
    })
    const n = pathLength(guide(t, draft({ answers: { relation: 'spouse' } }), context, records), true)
    expect(n.questionsAsked).toBe(1)
    expect(n.questionsAnsweredForYou).toBe(8)
  })

  test('what the applicant answered is kept: a typed answer is never replaced by a record', () => {
    const g = guide(t, draft({ answers: { pensionType: 'none', housingFund: false } }), context, records)
    const v = (id: string) => g.questions.visible.find((x) => x.question.id === id)
    expect(v('pensionType')).toMatchObject({ answer: 'none' })
    expect(v('pensionType')?.fromData).toBeUndefined()
    expect(v('housingFund')).toMatchObject({ answer: false })
    // 养老金多发 is asked only for a pension being drawn: gone with the typed 'none'
    expect(v('overpaid')).toBeUndefined()
  })

  test('a value the question does not know, or an outside 户籍, is read safely; no records: all asked', () => {
    const odd: PrefillData = { records: { deceased: { deathPlace: src('ship', '卫健部门死亡医学证明'), hukouRegionCode: src('420102', '公安部门户籍记录'), subsidies: src('dibao,unknown', '民政') } } }
    const g = guide(t, draft({}), context, odd)
    const v = (id: string) => g.questions.visible.find((x) => x.question.id === id)
    expect(v('deathType')?.answered).toBe(false)
    expect(v('hukouInHunan')).toMatchObject({ answer: false, fromData: { sourceLabel: '来自公安部门户籍记录' } })
    expect(v('subsidies')?.answered).toBe(false)
    expect(guide(t, draft({}), context, { profile: {} }).questions.visible.filter((x) => x.fromData)).toEqual([])
  })
})

test('the form takes the deceased’s name, ID number, sex and date of death from the records, each with its source; a typed value is offered, not replaced', () => {
  const src = (value: string, source: string) => ({ value, source })
  const data: PrefillData = {
    records: { deceased: { name: src('李秀英', '公安部门户籍记录'), idNumber: src('430103196003150023', '公安部门户籍记录'), sex: src('female', '公安部门户籍记录'), diedOn: src('2026-11-20', '卫健部门死亡医学证明') } },
  }
  const context = ctx({ now: '2026-12-01T09:00:00+08:00' })
  const field = (g: ReturnType<typeof guide>, id: string) => g.fields.all.find((f) => f.field.id === id)
  const g = guide(t, draft({ answers: { relation: 'spouse' } }), context, data)
  expect(field(g, 'deceasedIdNumber')?.prefill).toEqual({ value: '430103196003150023', sourceLabel: '来自公安部门户籍记录', locked: true })
  expect(field(g, 'deceasedSex')?.prefill?.value).toBe('female')
  expect(field(g, 'deathDate')?.prefill).toMatchObject({ value: '2026-11-20', sourceLabel: '来自卫健部门死亡医学证明' })
  const typed = guide(t, draft({ answers: { relation: 'spouse' }, values: { deceasedName: '李秀音' } }), context, data)
  expect(field(typed, 'deceasedName')?.prefill).toBeUndefined()
  expect(typed.fields.offers.map((o) => o.sourceLabel)).toContain('公安部门户籍记录')
})
