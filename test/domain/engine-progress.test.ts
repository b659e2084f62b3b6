import { guide, validateDraft } from '@/domain/engine'
import type { DeliveryChoice } from '@/domain/draft'
import { ctx, draft, NOW, PREFILL, restaurant, SMALL_SHOP } from '../fixtures/templates'

const t = restaurant()
const statuses = (g: ReturnType<typeof guide>) => g.journey.map((s) => `${s.id}:${s.status}${s.canVisit ? '' : '!'}`)

const VALUES = { shopName: '湘味小馆', shopAddress: '长沙市岳麓区麓山南路1号', seatCount: '20' }
const MATERIALS = {
  leaseContract: { mode: 'promise' as const, agreedAt: NOW },
  healthCert: { mode: 'upload' as const, fileIds: ['file-1'] },
}
const ONLINE = 'online' as const
const EMS: DeliveryChoice = {
  method: 'ems',
  address: { recipient: '张三', mobile: '13812345678', region: '430104', detail: '麓山南路1号' },
}

describe('journey (derived from the inputs)', () => {
  it('starts at the questions with nothing else reachable', () => {
    expect(statuses(guide(t, draft(), ctx()))).toEqual(['questions:current', 'form:todo!', 'materials:todo!', 'delivery:todo!', 'review:todo!'])
  })

  it('moves on as each part becomes valid', () => {
    const answered = guide(t, draft({ answers: SMALL_SHOP }), ctx({ licences: ['idCard'] }), PREFILL)
    expect(statuses(answered)).toEqual(['questions:done', 'form:current', 'materials:todo!', 'delivery:todo!', 'review:todo!'])

    const filled = guide(t, draft({ answers: SMALL_SHOP, values: VALUES }), ctx({ licences: ['idCard'] }), PREFILL)
    expect(statuses(filled)).toEqual(['questions:done', 'form:done', 'materials:current', 'delivery:todo!', 'review:todo!'])

    const provided = guide(t, draft({ answers: SMALL_SHOP, values: VALUES, materials: MATERIALS }), ctx({ licences: ['idCard'] }), PREFILL)
    expect(statuses(provided)).toEqual(['questions:done', 'form:done', 'materials:done', 'delivery:current', 'review:todo!'])

    const all = guide(t, draft({ answers: SMALL_SHOP, values: VALUES, materials: MATERIALS, delivery: EMS, handling: ONLINE }), ctx({ licences: ['idCard'] }), PREFILL)
    expect(statuses(all)).toEqual(['questions:done', 'form:done', 'materials:done', 'delivery:done', 'review:current'])
  })

  it('goes back to the questions when a changed answer adds work', () => {
    const d = draft({ answers: { ...SMALL_SHOP, menu: ['seafood'] }, values: VALUES, materials: MATERIALS, delivery: EMS, handling: ONLINE })
    expect(statuses(guide(t, d, ctx({ licences: ['idCard'] }), PREFILL))[0]).toBe('questions:current') // seafoodSource now asked
    const answered = { ...d, answers: { ...d.answers, seafoodSource: 'domestic' } }
    expect(statuses(guide(t, answered, ctx({ licences: ['idCard'] }), PREFILL))[4]).toBe('review:current')
    // a stop keeps the applicant on the questions
    const stopped = { ...d, answers: { ...d.answers, seafoodSource: 'imported' } }
    expect(statuses(guide(t, stopped, ctx({ licences: ['idCard'] }), PREFILL))[0]).toBe('questions:current')
  })

  it('accepts delivery only as the template offers it', () => {
    const base = { answers: SMALL_SHOP, values: VALUES, materials: MATERIALS }
    const g = (delivery?: DeliveryChoice, handling: 'online' | 'offline' | 'none' = ONLINE) =>
      guide(t, draft({ ...base, delivery, handling: handling === 'none' ? undefined : handling }), ctx({ licences: ['idCard'] }), PREFILL).delivery
    expect(g(undefined)).toEqual({ needed: true, valid: false, error: '请选择办理结果的领取方式' })
    expect(g({ method: 'electronic' }, 'none')).toEqual({ needed: true, valid: false, handlingError: '请选择办理方式' })
    expect(g({ method: 'electronic' }).valid).toBe(true)
    expect(g({ ...EMS, address: { ...EMS.address!, mobile: '1234' } }).error).toContain('收件人手机号码')
    expect(g({ ...EMS, address: { ...EMS.address!, detail: ' ' } }).error).toBe('请填写详细地址')
    const pickupOnly = restaurant((x) => {
      x.delivery = ['pickup']
    })
    expect(guide(pickupOnly, draft({ ...base, delivery: EMS }), ctx()).delivery.error).toBe('该领取方式不可用，请重新选择')
    // halls are judged once known (the platform's list of service halls)
    const pickup = (hallId?: string) => guide(t, draft({ ...base, handling: ONLINE, delivery: { method: 'pickup', hallId } }), ctx({ halls: [{ id: 'hall-430100', name: '长沙市政务服务中心' }] })).delivery.error
    expect(pickup('hall-430100')).toBeUndefined()
    expect(pickup(undefined)).toBe('请选择领取结果的政务服务中心')
    expect(pickup('hall-999')).toBe('所选的领取窗口不存在，请重新选择')
  })
})

describe('deadline', () => {
  it('counts the bundle limit in working days over the National Day holiday', () => {
    const g = guide(t, draft({ answers: SMALL_SHOP }), ctx())
    // Mon 09-29 + 7 wd: 09-30, 10-09, 10-10, 10-11 (make-up Saturday), 10-13, 10-14, 10-15
    expect(g.deadline).toMatchObject({ workingDays: 7, expectedDate: '2025-10-15', estimated: false })
  })

  it('uses the Beijing date of the current time', () => {
    // 2025-09-28T17:00Z is already Monday 01:00 in Beijing
    const g = guide(t, draft({ answers: SMALL_SHOP }), ctx({ now: '2025-09-28T17:00:00Z' }))
    expect(g.deadline.expectedDate).toBe('2025-10-15')
  })

  it('is 0 days (today) when every applicable matter is 即办件', () => {
    const instant = restaurant((x) => {
      for (const m of x.matters) m.caseType = 'instant'
    })
    expect(guide(instant, draft({ answers: SMALL_SHOP }), ctx()).deadline).toMatchObject({ workingDays: 0, expectedDate: '2025-09-29' })
  })

  it('reports the critical path along `after` and the legal chain', () => {
    const g = guide(t, draft({ answers: { ...SMALL_SHOP, outdoorSign: true } }), ctx())
    // business (1) → food (10) ties with business → tobacco (10): the first one found stays
    expect(g.deadline.criticalPath).toEqual({ matterIds: ['business', 'food'], workingDays: 11 })
    expect(g.deadline.legalWorkingDays).toBe(23) // 3 + 20
    const licensed = guide(t, draft({ answers: { ...SMALL_SHOP, hasBusinessLicence: true } }), ctx())
    expect(licensed.deadline.criticalPath).toEqual({ matterIds: ['food'], workingDays: 10 })
  })
})

describe('summary and burden', () => {
  it('summarises matters, materials to act on and the expected date', () => {
    const g = guide(t, draft({ answers: SMALL_SHOP }), ctx({ licences: ['idCard'] }), PREFILL)
    // idCardCopy by e-licence and businessLicenceCopy from the bundle need nothing
    expect(g.summary).toEqual({ stopped: false, matterCount: 3, materialCount: 2, expectedDate: '2025-10-15', workingDays: 7 })
    expect(g.visits).toBe(1)
  })

  it('compares separate applications with the bundle', () => {
    const g = guide(t, draft({ answers: SMALL_SHOP }), ctx({ licences: ['idCard'] }), PREFILL)
    // separate: fields 5 + 5 + 4, materials 2 + 4 + 2, visits 1 + 1 + 1
    expect(g.burden.separate).toEqual({ fields: 14, materials: 8, visits: 3 })
    // bundle: 6 distinct fields of which 3 prefilled; lease contract and health certificate to upload
    expect(g.burden.bundle).toEqual({ fields: 3, materials: 2, visits: 1, uploads: 2, originals: 0, deferred: 0, promises: 0, places: [] })
    expect(g.burden.savedPercent).toEqual({ fields: 79, materials: 75, visits: 67 })
  })

  it('counts a promise as nothing to provide', () => {
    const g = guide(t, draft({ answers: SMALL_SHOP, materials: MATERIALS }), ctx({ licences: ['idCard'] }), PREFILL)
    expect(g.burden.bundle.materials).toBe(1)
    expect(g.burden.savedPercent.materials).toBe(88)
  })
})

describe('validateDraft', () => {
  it('accepts a complete draft', () => {
    const d = draft({ answers: SMALL_SHOP, values: VALUES, materials: MATERIALS, delivery: EMS, handling: ONLINE })
    expect(validateDraft(t, d, ctx({ licences: ['idCard'] }), PREFILL)).toEqual({
      ok: true,
      messages: [],
      fieldErrors: {},
      materialErrors: {},
      answerErrors: {},
    })
  })

  it('lists every problem by id', () => {
    const d = draft({
      answers: { ...SMALL_SHOP, area: 200000, menu: ['pizza'], seafoodSource: 'imported' },
      values: { shopName: '湘味小馆', mobile: '1381234' },
      materials: { idCardCopy: { mode: 'upload', fileIds: [] } },
    })
    const r = validateDraft(t, d, ctx())
    expect(r.ok).toBe(false)
    expect(r.answerErrors).toEqual({ area: '不能大于100000平方米', menu: '部分选项已不可用，请重新选择' })
    expect(Object.keys(r.fieldErrors).sort()).toEqual(['applicantId', 'applicantName', 'mobile', 'shopAddress'])
    expect(r.materialErrors).toEqual({
      idCardCopy: '请上传经营者身份证明', // businessLicenceCopy comes from the registration matter: no error
      leaseContract: '请上传经营场所使用证明',
      healthCert: '请上传从业人员健康证明',
    })
    expect(r.deliveryError).toBe('请选择办理结果的领取方式')
    expect(r.handlingError).toBe('请选择办理方式')
  })

  it('names what blocks submission beyond the steps: region, account, a proxy without authorisation, a stop', () => {
    const d = draft({ answers: SMALL_SHOP, values: VALUES, materials: MATERIALS, delivery: EMS, handling: ONLINE })
    const base = { licences: ['idCard' as const] }
    expect(validateDraft(t, d, ctx({ ...base, region: '440100' }), PREFILL).messages).toEqual(['“开办餐饮店（测试）”在所选地区暂未开通'])
    expect(validateDraft(t, d, ctx({ ...base, accountKind: 'firm' }), PREFILL).messages).toEqual(['当前登录的是企业账号，不能以个人身份申请'])
    const proxy = validateDraft(t, d, ctx({ ...base, acting: { actor: 'relative', promiseAuthorised: true } }), PREFILL)
    expect(proxy.messages).toEqual(['代办人作出告知承诺须提供申请人的书面授权（授权书编号）'])
    const stopped = draft({ ...d, answers: { ...SMALL_SHOP, menu: ['seafood'], seafoodSource: 'imported' } })
    const r = validateDraft(t, stopped, ctx(base), PREFILL)
    expect(r.messages).toHaveLength(1)
    expect(r.messages[0]).toMatch(/^.+。.+$/)
  })

  it('needs consent to an e-licence before it counts, when consents are known (as on the phone and the platform)', () => {
    const d = draft({ answers: SMALL_SHOP, values: VALUES, materials: MATERIALS, delivery: EMS, handling: ONLINE })
    const asked = validateDraft(t, d, ctx({ licences: ['idCard'], consented: [] }), PREFILL)
    expect(Object.values(asked.materialErrors)).toEqual(['请同意使用电子居民身份证，或选择其他提交方式'])
    // an e-licence not agreed to prefills nothing either
    expect(asked.fieldErrors.applicantId).toBe('请填写身份证号码')
    expect(validateDraft(t, d, ctx({ licences: ['idCard'], consented: ['idCard'] }), PREFILL).ok).toBe(true)
  })

  it('rejects a promise the actor may not make (the server never trusts the client)', () => {
    const d = draft({ answers: SMALL_SHOP, values: VALUES, materials: MATERIALS, delivery: EMS })
    const r = validateDraft(t, d, ctx({ licences: ['idCard'], acting: { actor: 'staff', promiseAuthorised: false } }), PREFILL)
    expect(r.ok).toBe(false)
    expect(Object.keys(r.materialErrors)).toEqual(['leaseContract'])
    const barred = validateDraft(t, d, ctx({ licences: ['idCard'], promiseBarred: true }), PREFILL)
    expect(barred.materialErrors.leaseContract).toContain('不符合告知承诺条件')
  })

  it('refuses a submission that hits a stop', () => {
    const d = draft({ answers: { ...SMALL_SHOP, menu: ['seafood'], seafoodSource: 'imported' }, values: VALUES, materials: MATERIALS, delivery: EMS })
    const r = validateDraft(t, d, ctx({ licences: ['idCard'] }), PREFILL)
    expect(r.ok).toBe(false)
    expect(r.stop?.id).toBe('importedSeafood')
  })
})
