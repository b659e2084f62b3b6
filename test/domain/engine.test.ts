import { proxyPromiseRefusal } from '@/domain/assist/grants'
import { guide } from '@/domain/engine'
import { ctx, draft, PREFILL, restaurant, SMALL_SHOP } from '../fixtures/templates'

const t = restaurant()
const ids = (list: { id: string }[]) => list.map((x) => x.id)

describe('questions', () => {
  it('starts with the first question and hides follow-ups', () => {
    const g = guide(t, draft(), ctx())
    expect(g.questions.visible.map((q) => q.question.id)).toEqual([
      'hasBusinessLicence',
      'sellsCigarettes',
      'outdoorSign',
      'investment',
      'area',
      'menu',
    ])
    expect(g.questions.next?.id).toBe('hasBusinessLicence')
    expect(g.questions.complete).toBe(false)
  })

  it('shows a follow-up once its condition holds and moves next along', () => {
    const g = guide(t, draft({ answers: { hasBusinessLicence: true, menu: ['seafood'] } }), ctx())
    expect(g.questions.visible.map((q) => q.question.id)).toContain('seafoodSource')
    expect(g.questions.next?.id).toBe('sellsCigarettes')
    expect(g.questions.visible.find((q) => q.question.id === 'menu')?.answerLabel).toBe('生食海产品')
  })

  it('is complete when every visible question has a valid answer', () => {
    const g = guide(t, draft({ answers: SMALL_SHOP }), ctx())
    expect(g.questions.complete).toBe(true)
    expect(g.questions.next).toBeUndefined()
  })

  it('treats an invalid answer as unanswered and says why', () => {
    const g = guide(t, draft({ answers: { ...SMALL_SHOP, area: 0.5, menu: ['pizza'] } }), ctx())
    const area = g.questions.visible.find((q) => q.question.id === 'area')!
    expect(area).toMatchObject({ answered: false, answer: 0.5, error: '请输入整数' })
    expect(g.questions.visible.find((q) => q.question.id === 'menu')?.error).toBe('部分选项已不可用，请重新选择')
    expect(g.questions.next?.id).toBe('area')
  })

  it('ignores (but lists) answers to questions that are hidden now', () => {
    const answers = { ...SMALL_SHOP, seafoodSource: 'imported', removedQuestion: 'x' }
    const g = guide(t, draft({ answers }), ctx())
    expect(g.questions.ignoredAnswers.sort()).toEqual(['removedQuestion', 'seafoodSource'])
    expect(g.stop).toBeUndefined() // the stop reads the hidden answer: ignored
    const withSeafood = guide(t, draft({ answers: { ...answers, menu: ['seafood'] } }), ctx())
    expect(withSeafood.questions.ignoredAnswers).toEqual(['removedQuestion'])
    expect(withSeafood.stop).toMatchObject({ id: 'importedSeafood', kind: 'go-to-window', reason: '经营进口生食海产品需要现场核验冷链记录' })
  })
})

describe('matters', () => {
  it('switches the tobacco licence on and off with the cigarette question', () => {
    const on = guide(t, draft({ answers: { ...SMALL_SHOP, sellsCigarettes: true } }), ctx())
    const off = guide(t, draft({ answers: { ...SMALL_SHOP, sellsCigarettes: false } }), ctx())
    const unanswered = guide(t, draft({ answers: { hasBusinessLicence: false } }), ctx())
    expect(ids(on.matters)).toContain('tobacco')
    expect(ids(off.matters)).not.toContain('tobacco')
    expect(ids(unanswered.matters)).not.toContain('tobacco')
    expect(on.matters.find((m) => m.id === 'tobacco')?.because).toEqual([
      { questionId: 'sellsCigarettes', question: '店里卖香烟吗？', answerLabel: '是' },
    ])
    expect(on.matters.find((m) => m.id === 'food')?.because).toBe('always')
  })

  it('orders matters by dependency (after), then template order', () => {
    const g = guide(t, draft({ answers: { ...SMALL_SHOP, outdoorSign: true } }), ctx())
    // the template lists food before business, but food comes after business
    expect(ids(g.matters)).toEqual(['business', 'food', 'tobacco', 'sign'])
    expect(g.departments).toEqual(['市场监管局', '烟草专卖局', '城管局'])
  })

  it('resolves the authority for the region', () => {
    const changsha = guide(t, draft({ answers: SMALL_SHOP }), ctx())
    const xiangtan = guide(t, draft({ answers: SMALL_SHOP }), ctx({ region: '430300' }))
    expect(changsha.matters[0].authority).toBe('长沙市市场监管局')
    expect(xiangtan.matters[0].authority).toBe('市场监管局（所在县市区）')
  })

  it('applies the fire check by regional rule and names the decisive answer', () => {
    const answers = { ...SMALL_SHOP, investment: 50, area: 200 }
    const hunan = guide(t, draft({ answers }), ctx({ region: '430100' }))
    const hubei = guide(t, draft({ answers }), ctx({ region: '420100' }))
    expect(ids(hunan.matters)).not.toContain('fire')
    expect(ids(hubei.matters)).toContain('fire')
    // Hubei "or": only the investment crossed its threshold
    expect(hubei.matters.find((m) => m.id === 'fire')?.because).toEqual([
      { questionId: 'investment', question: '投资总额大约多少？', answerLabel: '50万元' },
    ])
    const big = guide(t, draft({ answers: { ...answers, area: 400 } }), ctx({ region: '430100' }))
    const because = big.matters.find((m) => m.id === 'fire')?.because
    expect(because).toEqual([
      { questionId: 'investment', question: '投资总额大约多少？', answerLabel: '50万元' },
      { questionId: 'area', question: '营业面积多大？', answerLabel: '400平方米' },
    ])
  })
})

describe('merged form', () => {
  const g = guide(t, draft({ answers: { ...SMALL_SHOP, outdoorSign: true } }), ctx(), PREFILL)

  it('lists a datum used by several matters once, with every user', () => {
    const shopName = g.fields.all.filter((f) => f.id === 'shopName')
    expect(shopName).toHaveLength(1)
    expect(shopName[0].usedBy).toEqual(['business', 'food', 'sign'])
    expect(new Set(ids(g.fields.all)).size).toBe(g.fields.all.length)
  })

  it('groups fields by section in section order, fields in template order', () => {
    expect(g.fields.sections.map((s) => [s.section.id, ids(s.fields)])).toEqual([
      ['applicant', ['applicantName', 'applicantId', 'mobile']],
      ['shop', ['shopName', 'shopAddress', 'seatCount', 'signSize']],
    ])
  })

  it('prefills and locks from the real-name profile and e-licences', () => {
    const name = g.fields.all.find((f) => f.id === 'applicantName')!
    const id = g.fields.all.find((f) => f.id === 'applicantId')!
    expect(name.prefill).toEqual({ value: '张三', sourceLabel: '来自实名信息', locked: true })
    expect(id.prefill).toEqual({ value: '430102199003071234', sourceLabel: '来自电子身份证', locked: true })
    expect(id.valid).toBe(true)
  })

  it('never replaces what was typed: a differing source is offered, with every field it would fill', () => {
    const typed = guide(t, draft({ answers: SMALL_SHOP, values: { applicantName: '李四' } }), ctx(), PREFILL)
    expect(typed.fields.all.find((f) => f.id === 'applicantName')).toMatchObject({ value: '李四' })
    expect(typed.fields.all.find((f) => f.id === 'applicantName')?.prefill).toBeUndefined()
    // the profile's mobile number is offered with it, not locked beside a name it does not belong to
    expect(typed.fields.offers).toEqual([
      {
        sourceLabel: '实名信息',
        fields: [
          { id: 'applicantName', label: '经营者姓名', value: '张三', typed: '李四' },
          { id: 'mobile', label: '手机号码', value: '13812345678', typed: '' },
        ],
      },
    ])
    // the same value typed as the source holds: locked, nothing offered
    const same = guide(t, draft({ answers: SMALL_SHOP, values: { applicantName: '张三' } }), ctx(), PREFILL)
    expect(same.fields.all.find((f) => f.id === 'applicantName')?.prefill?.locked).toBe(true)
    expect(same.fields.offers).toEqual([])
    const noPrefill = guide(t, draft({ answers: SMALL_SHOP, values: { applicantName: '李四' } }), ctx())
    expect(noPrefill.fields.all.find((f) => f.id === 'applicantName')).toMatchObject({ value: '李四', valid: true })
    expect(noPrefill.fields.all.find((f) => f.id === 'applicantName')?.prefill).toBeUndefined()
  })

  it('computes required from optional and requiredWhen', () => {
    const seat = (area: number) =>
      guide(t, draft({ answers: { ...SMALL_SHOP, area } }), ctx()).fields.all.find((f) => f.id === 'seatCount')!
    expect(seat(80)).toMatchObject({ required: true, valid: false })
    expect(seat(30)).toMatchObject({ required: false, valid: true })
    const fire = guide(t, draft({ answers: { ...SMALL_SHOP, investment: 50, area: 400 } }), ctx())
    expect(fire.fields.all.find((f) => f.id === 'fireContact')).toMatchObject({ required: false, valid: true })
  })

  it('validates typed values with the field validators', () => {
    const bad = guide(t, draft({ answers: SMALL_SHOP, values: { mobile: '12345' } }), ctx())
    const mobile = bad.fields.all.find((f) => f.id === 'mobile')!
    expect(mobile.valid).toBe(false)
    expect(mobile.error).toContain('手机号码')
  })
})

describe('materials', () => {
  const material = (g: ReturnType<typeof guide>, id: string) => g.materials.find((m) => m.id === id)!

  it('deduplicates materials and records which matters need them', () => {
    const g = guide(t, draft({ answers: SMALL_SHOP }), ctx())
    expect(ids(g.materials)).toEqual(['idCardCopy', 'businessLicenceCopy', 'leaseContract', 'healthCert'])
    expect(material(g, 'idCardCopy').usedBy).toEqual(['business', 'food', 'tobacco'])
  })

  it('adds a material only when its condition holds', () => {
    const g = guide(t, draft({ answers: { ...SMALL_SHOP, menu: ['coldDishes'] } }), ctx())
    expect(material(g, 'layoutPlan')).toMatchObject({ usedBy: ['food'], modes: ['shared', 'upload'], chosen: 'shared', satisfied: true })
  })

  it('uses an e-licence without any upload', () => {
    const withLicence = guide(t, draft({ answers: SMALL_SHOP }), ctx({ licences: ['idCard'] }))
    expect(material(withLicence, 'idCardCopy')).toMatchObject({ modes: ['licence', 'upload'], chosen: 'licence', satisfied: true })
    const without = guide(t, draft({ answers: SMALL_SHOP }), ctx())
    expect(material(without, 'idCardCopy')).toMatchObject({ modes: ['upload'], chosen: 'upload', satisfied: false, error: '请上传经营者身份证明' })
    const uploaded = guide(t, draft({ answers: SMALL_SHOP, materials: { idCardCopy: { mode: 'upload', fileIds: ['f1'] } } }), ctx())
    expect(material(uploaded, 'idCardCopy')).toMatchObject({ chosen: 'upload', explicit: true, satisfied: true })
  })

  it('takes a material produced by an earlier matter of the bundle', () => {
    const produced = guide(t, draft({ answers: SMALL_SHOP }), ctx({ licences: ['businessLicence'] }))
    expect(material(produced, 'businessLicenceCopy')).toMatchObject({ modes: ['in-bundle', 'licence', 'upload'], chosen: 'in-bundle', satisfied: true })
    // already licensed: the registration matter drops out, so the e-licence is used instead
    const held = guide(t, draft({ answers: { ...SMALL_SHOP, hasBusinessLicence: true } }), ctx({ licences: ['businessLicence'] }))
    expect(ids(held.matters)).not.toContain('business')
    expect(material(held, 'businessLicenceCopy')).toMatchObject({ modes: ['licence', 'upload'], chosen: 'licence' })
  })

  it('offers 告知承诺 only when allowed, and never as the default', () => {
    const self = guide(t, draft({ answers: SMALL_SHOP }), ctx())
    expect(material(self, 'leaseContract')).toMatchObject({ modes: ['upload', 'promise'], chosen: 'upload' })
    expect(material(self, 'healthCert').modes).toEqual(['upload', 'promise', 'defer'])
    expect(material(self, 'idCardCopy').modes).not.toContain('promise') // template does not allow it

    const proxy = guide(t, draft({ answers: SMALL_SHOP }), ctx({ acting: { actor: 'staff', promiseAuthorised: false } }))
    expect(material(proxy, 'leaseContract').modes).toEqual(['upload'])
    const authorised = guide(t, draft({ answers: SMALL_SHOP }), ctx({ acting: { actor: 'relative', promiseAuthorised: true } }))
    expect(material(authorised, 'leaseContract').modes).toEqual(['upload', 'promise'])
    const barred = guide(t, draft({ answers: SMALL_SHOP }), ctx({ promiseBarred: true }))
    expect(material(barred, 'leaseContract').modes).toEqual(['upload'])
  })

  it('keeps a chosen promise while allowed, needs agreement, and falls back for an unauthorised proxy', () => {
    const promised = { leaseContract: { mode: 'promise' as const, agreedAt: '2025-09-29T09:10:00+08:00' } }
    const ok = guide(t, draft({ answers: SMALL_SHOP, materials: promised }), ctx())
    expect(material(ok, 'leaseContract')).toMatchObject({ chosen: 'promise', explicit: true, satisfied: true })
    const notAgreed = guide(t, draft({ answers: SMALL_SHOP, materials: { leaseContract: { mode: 'promise', agreedAt: '' } } }), ctx())
    expect(material(notAgreed, 'leaseContract')).toMatchObject({ satisfied: false, error: '请阅读并同意经营场所使用证明的承诺内容' })
    const proxy = guide(t, draft({ answers: SMALL_SHOP, materials: promised }), ctx({ acting: { actor: 'staff', promiseAuthorised: false } }))
    const lease = material(proxy, 'leaseContract')
    // refused, not swapped for another way behind the applicant's back: they choose again
    expect(lease).toMatchObject({ explicit: false, satisfied: false })
    expect(lease.chosen).toBeUndefined()
    expect(lease.error).toBe(proxyPromiseRefusal('经营场所使用证明'))
  })

  it('accepts 容缺 only when chosen, and limits the number of files', () => {
    const deferred = guide(t, draft({ answers: SMALL_SHOP, materials: { healthCert: { mode: 'defer' } } }), ctx())
    expect(material(deferred, 'healthCert')).toMatchObject({ chosen: 'defer', satisfied: true })
    const tooMany = guide(t, draft({ answers: SMALL_SHOP, materials: { idCardCopy: { mode: 'upload', fileIds: ['a', 'b', 'c'] } } }), ctx())
    expect(material(tooMany, 'idCardCopy')).toMatchObject({ satisfied: false, error: '经营者身份证明最多上传2个文件' })
  })
})

describe('stops', () => {
  it('stops when no matter applies once the questions are complete', () => {
    const t2 = restaurant((x) => {
      x.matters.find((m) => m.id === 'food')!.appliesWhen = { '==': [{ var: 'outdoorSign' }, 'never'] }
    })
    const answers = { ...SMALL_SHOP, hasBusinessLicence: true, sellsCigarettes: false }
    expect(guide(t2, draft({ answers }), ctx()).stop).toMatchObject({ id: '$nothing-applies', kind: 'go-to-window' })
    // not before the questions are complete
    expect(guide(t2, draft({ answers: { hasBusinessLicence: true } }), ctx()).stop).toBeUndefined()
  })

  it('stops an applicant kind the bundle does not serve', () => {
    const firmsOnly = restaurant((x) => {
      x.applicantKinds = ['firm']
    })
    expect(guide(firmsOnly, draft(), ctx()).stop).toMatchObject({ kind: 'not-eligible', reason: '本事项仅限企业办理' })
    expect(guide(firmsOnly, draft(), ctx({ applicantKind: 'firm' })).stop).toBeUndefined()
  })
})

describe('determinism', () => {
  it('gives the same guidance for the same inputs and does not touch the draft', () => {
    const d = draft({ answers: { ...SMALL_SHOP, seafoodSource: 'imported' }, values: { shopName: '湘味小馆' } })
    const before = JSON.stringify(d)
    expect(guide(t, d, ctx(), PREFILL)).toEqual(guide(t, d, ctx(), PREFILL))
    expect(JSON.stringify(d)).toBe(before)
  })
})
