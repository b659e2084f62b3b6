// Catalogue facts from the audit (issue 10 §5), each as the citizen meets it on their path.
import { guide, type GuideDraft } from '@/domain/engine'
import { bundle, ctx, draft, NOW } from './support'

test('居民身份证 is issued within 60 日 (居民身份证法 第十二条): natural days, counted as such on the path', () => {
  const t = bundle('junren-tuiyi')
  const idCard = t.matters.find((m) => m.id === 'id-card')!
  expect(idCard).toMatchObject({ legalLimitDays: 60, limitUnit: 'day' })
  expect(idCard.legalBasis.some((b) => b.includes('第十二条') && b.includes('六十日'))).toBe(true)
  const g = guide(t, draft({ answers: { dischargeDays: 10, placement: 'self', hukouCancelled: true, partyMember: false, honours: [], medicalChoice: 'resident' } }), ctx())
  const d = g.deadline.matters.find((m) => m.matterId === 'id-card')!
  expect(d.legal).toEqual({ days: 60, unit: 'day' })
  expect(d.promised).toEqual({ days: 14, unit: 'day' })
  // 2026-12-01 + 14 日 (a weekend and all), not 14 working days (which would be 2026-12-21)
  expect(d.dueDate).toBe('2026-12-15')
})

describe('开办餐饮店: 营业前消防安全检查 (Hunan 2023 guide)', () => {
  const t = bundle('kaiban-canyin')
  const big = { 'has-licence': true, area: 400, investment: 50, menu: [], cigarettes: false, sign: false }
  const fireCheck = (materials: GuideDraft['materials']) => guide(t, draft({ answers: big, materials }), ctx()).deadline.matters.find((m) => m.matterId === 'fire-check')

  test('under 告知承诺 the decision is made on the spot; with the documents it takes the promised 5 working days', () => {
    expect(fireCheck({ 'fire-system': { mode: 'promise', agreedAt: NOW } })).toMatchObject({ caseType: 'instant', promised: { days: 0, unit: 'workday' } })
    expect(fireCheck({ 'fire-system': { mode: 'upload', fileIds: ['f-1'] } })).toMatchObject({ caseType: 'promised', promised: { days: 5, unit: 'workday' } })
  })

  test('the result is an 意见书, and the size threshold is marked as a sample (none found for 饭店)', () => {
    expect(t.matters.find((m) => m.id === 'fire-check')!.result.name).toBe('公众聚集场所投入使用、营业前消防安全检查意见书')
    expect(t.params!.fireCheckAreaOver.provenance).toEqual({ sample: true })
    expect(t.params!.fireCheckInvestOver.provenance).toEqual({ sample: true })
  })
})

test('我要开民宿: the text says how many of the 11 published matters this template holds, and it is true', () => {
  const t = bundle('minsu')
  expect(t.description).toContain(`本模板收录其中 ${t.matters.length} 项`)
  expect(t.matters).toHaveLength(10)
})

test('one matter code, one limit in every bundle (企业设立登记 当场登记; 社会保障卡申领 5 working days)', () => {
  const limits = (code: string) =>
    new Set(
      ['bianlidian', 'kaiban-canyin', 'minsu', 'qiye-kaiban', 'yaodian', 'junren-tuiyi', 'xinshenger', 'yuangong-luyong']
        .map(bundle)
        .flatMap((b) => b.matters.filter((m) => m.baseCode === code))
        .map((m) => `${m.legalLimitDays}/${m.promisedLimitDays}/${m.limitUnit ?? 'workday'}`),
    )
  expect([...limits('000131001000')]).toEqual(['0/0/workday'])
  expect([...limits('000113045000')]).toEqual(['20/5/workday'])
})

describe('公民身后事 (walked as a citizen would)', () => {
  const t = bundle('shenhoushi')
  const answers = { deathType: 'hospital', hukouInHunan: true, relation: 'spouse', pensionType: 'none', medicalType: 'none', housingFund: false, drivingLicence: false }

  test('“以上都没有” is offered once and cannot be ticked with 高龄津贴', () => {
    const subsidies = t.questions.find((q) => q.id === 'subsidies')!
    expect(subsidies.options!.filter((o) => o.label === '以上都没有')).toHaveLength(1)
    const g = guide(t, draft({ answers: { ...answers, subsidies: ['elderly', 'none'] } }), ctx())
    expect(g.questions.visible.find((v) => v.question.id === 'subsidies')).toMatchObject({ answered: false, error: '“以上都没有”不能与其他选项同时选择' })
    expect(guide(t, draft({ answers: { ...answers, subsidies: ['none'] } }), ctx()).questions.complete).toBe(true)
  })

  test('a 预约火化日期 in the past and a 去世日期 in the future are refused at the field', () => {
    const g = guide(t, draft({ answers: { ...answers, subsidies: ['none'] }, values: { cremationDate: '2026-11-30', deathDate: '2026-12-02' } }), ctx())
    const field = (id: string) => g.fields.all.find((f) => f.id === id)!
    expect(field('cremationDate')).toMatchObject({ valid: false })
    expect(field('cremationDate').error).toBe('预约火化日期不能早于今天')
    expect(field('deathDate')).toMatchObject({ valid: false })
    const ok = guide(t, draft({ answers: { ...answers, subsidies: ['none'] }, values: { cremationDate: '2026-12-03', deathDate: '2026-11-29' } }), ctx())
    expect(ok.fields.all.find((f) => f.id === 'cremationDate')).toMatchObject({ valid: true })
    expect(ok.fields.all.find((f) => f.id === 'deathDate')).toMatchObject({ valid: true })
  })
})

test('开办药店 as a firm: 药店名称 is the shop’s own name, never locked to the company’s name from its licence', () => {
  const t = bundle('yaodian')
  const firm = ctx({ applicantKind: 'firm', accountKind: 'firm', licences: ['businessLicence'], consented: ['businessLicence'] })
  const prefill = { profile: {}, licences: { businessLicence: { name: '湖南康宁医药有限公司', uscc: '91430100MA4L12345A' } } }
  const answers = { stage: 'licensed', chain: false, 'drug-scope': 'otc-b', devices: false }
  const g = guide(t, draft({ answers, values: { 'pharmacy-name': '康宁大药房（岳麓店）' } }), firm, prefill)
  const name = g.fields.all.find((f) => f.id === 'pharmacy-name')!
  expect(name.prefill).toBeUndefined()
  expect(name.value).toBe('康宁大药房（岳麓店）')
  expect(g.fields.offers ?? []).toEqual([])
})

test('provenance: fees set by a national notice name it; a newborn’s 医保 payment is a contribution, not a fee', () => {
  const fees = ['ershoufang', 'junren-tuiyi'].map(bundle).flatMap((b) => b.matters.flatMap((m) => m.fees))
  expect(fees.length).toBeGreaterThan(0)
  for (const f of fees) expect(f.provenance).toEqual({ source: expect.stringMatching(/发改价格/) })
  const payment = bundle('xinshenger').matters.find((m) => m.id === 'medical-payment')!
  expect(payment.fees).toEqual([])
  expect(payment.contributions).toEqual([expect.objectContaining({ item: expect.stringContaining('城乡居民基本医疗保险个人缴费'), provenance: { sample: true } })])
})

test('新生儿出生 includes 生育登记 on every path, done on receipt with what the form already holds', () => {
  const t = bundle('xinshenger')
  const m = t.matters.find((x) => x.name === '生育登记')!
  expect(m).toMatchObject({ type: '公共服务', caseType: 'instant', department: '卫生健康委员会', provenance: { baseCode: { sample: true } } })
  expect(m.appliesWhen).toBeUndefined()
  // nothing new to type: every field it needs is asked for another matter too
  const others = new Set(t.matters.filter((x) => x !== m).flatMap((x) => x.fields))
  expect(m.fields.filter((f) => !others.has(f))).toEqual([])
  expect(t.description).toContain('生育登记')
})
