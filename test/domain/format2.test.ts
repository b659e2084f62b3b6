// Template format 2, element by element, on a ride-hailing bundle written to use each one
// (test/fixtures/templates/ride-hailing.json). The rules here are the ones the platform applies too.
import fs from 'node:fs'
import path from 'node:path'
import { checkTemplate } from '@/domain/checker'
import type { GroupItem, GuidanceContext, MaterialChoice } from '@/domain/draft'
import { parseDraftContent } from '@/domain/draft-schema'
import { guide, validateDraft, type GuideDraft } from '@/domain/engine'
import { LicenceKindListSchema } from '@/domain/template/licence-kinds'
import { parseTemplate } from '@/domain/template/schema'
import * as v from 'valibot'
import { NOW, ctx as baseCtx, rideHailing } from '../fixtures/templates'
import rideHailingJson from '../fixtures/templates/ride-hailing.json'

const t = rideHailing()
const ANSWERS = { 'vehicle-age': 3, 'operate-as': 'person', extras: ['none'] }
const VIN = 'LSVAM4187C2184847'
const VALUES = { vin: VIN, plate: '湘A12345', seats: '5', 'registered-on': '2020-05-01', 'inspected-on': '2025-03-01' }
const DRIVER: GroupItem = { key: 'k1', values: { 'driver-name': '张三', 'driver-id': '430102199003071234', 'driver-licensed-on': '2015-06-01' } }
const PHOTOS: MaterialChoice = { mode: 'upload', fileIds: ['p1', 'p2', 'p3', 'p4'] }
const PROFILE = { profile: { sex: '男', birthDate: '1990-03-07' } }

const ctx = (over: Partial<GuidanceContext> = {}) => baseCtx({ region: '430104', regionName: '长沙市', ...over })
const draft = (over: Partial<GuideDraft> = {}): GuideDraft => ({
  answers: ANSWERS,
  values: VALUES,
  items: { drivers: [DRIVER] },
  materials: { 'vehicle-photos': PHOTOS, 'vehicle-licence': { mode: 'upload', fileIds: ['l1'] }, 'inspection-report': { mode: 'upload', fileIds: ['r1'] }, 'safety-promise': { mode: 'upload', fileIds: ['s1'] }, 'driver-licence~k1': { mode: 'upload', fileIds: ['d1'] } },
  delivery: { method: 'electronic' },
  handling: 'online',
  ...over,
})
const g = (d: Partial<GuideDraft> = {}, c: Partial<GuidanceContext> = {}) => guide(t, draft(d), ctx(c), PROFILE)
const field = (d: Partial<GuideDraft>, id: string) => g(d).fields.all.find((f) => f.id === id)

test('the fixture is a valid format-2 template, and the checker accepts it once the platform lists its e-licence kinds', () => {
  expect(parseTemplate(rideHailingJson).ok).toBe(true)
  const kinds = v.parse(LicenceKindListSchema, JSON.parse(fs.readFileSync(path.join(__dirname, '../../mock/catalogue/licences.json'), 'utf8'))).kinds
  const checked = checkTemplate('ride-hailing.json', rideHailingJson, { licenceKinds: kinds })
  expect(checked.issues.filter((i) => i.severity !== 'warning')).toEqual([])
  // a kind the platform does not have is found before anyone files: a 行驶证 is catalogue data, not code
  const without = checkTemplate('ride-hailing.json', rideHailingJson, { licenceKinds: kinds.filter((k) => k.kind !== 'vehicleLicence') })
  expect(without.issues.map((i) => i.message)).toContain('平台没有电子证照种类“vehicleLicence”（见 GET /licence-kinds）')
  expect(validateDraft(t, draft(), ctx(), PROFILE)).toMatchObject({ ok: true, messages: [] })
})

describe('fields', () => {
  test('a pattern with its message: a 17-character VIN without I, O or Q', () => {
    for (const bad of ['ABC', 'LSVAM4187C218484I', 'lsvam4187c2184847']) expect(field({ values: { ...VALUES, vin: bad } }, 'vin')?.error).toBe('车辆识别代号应为 17 位大写字母或数字，不含 I、O、Q')
    expect(field({}, 'vin')?.valid).toBe(true)
  })

  test('length and number ranges', () => {
    expect(field({ values: { ...VALUES, plate: '湘A1' } }, 'plate')?.error).toBe('号牌号码至少7个字')
    expect(field({ values: { ...VALUES, plate: '湘A123456789' } }, 'plate')?.error).toBe('号牌号码不能超过8个字')
    expect(field({ values: { ...VALUES, seats: '9' } }, 'seats')?.error).toBe('核定载客人数不能大于 7 人')
  })

  test('date bounds: absolute, relative to today, relative to another answer', () => {
    // today is 2025-09-29 (NOW)
    expect(field({ values: { ...VALUES, 'registered-on': '2099-01-01' } }, 'registered-on')?.error).toBe('车辆注册日期不能晚于今天')
    expect(field({ values: { ...VALUES, 'registered-on': '2009-12-31' } }, 'registered-on')?.error).toBe('车辆注册日期不能早于 2010-01-01')
    expect(field({ values: { ...VALUES, 'inspected-on': '2019-01-01' } }, 'inspected-on')?.error).toBe('最近一次安全检验日期不能早于车辆注册日期（2020-05-01）')
    // an item's own dates: a driving licence held at least 3 years
    const young = g({ items: { drivers: [{ key: 'k1', values: { ...DRIVER.values, 'driver-licensed-on': '2024-01-01' } }] } })
    expect(young.fields.all.find((f) => f.id === 'driver-licensed-on~k1')?.error).toBe('初次领取驾驶证日期不能晚于今天前3年（2022-09-29）')
  })

  test('the date picker gets the same bounds the validator uses, resolved for today and the other answers', () => {
    expect(field({ values: VALUES }, 'registered-on')).toMatchObject({ minDate: '2010-01-01', maxDate: '2025-09-29' })
    expect(field({ values: { ...VALUES, 'registered-on': '2020-05-01' } }, 'inspected-on')).toMatchObject({ minDate: '2020-05-01' })
    // a bound resting on a date not given yet: the picker is not bounded by it
    expect(field({ values: { ...VALUES, 'registered-on': '' } }, 'inspected-on')?.minDate).toBeUndefined()
  })

  test('fields shown by answer: one that cannot apply disappears, and what was typed in it is not sent', () => {
    expect(field({ values: { ...VALUES, 'company-name': '湘运公司' } }, 'company-name')).toBeUndefined()
    expect(field({ answers: { ...ANSWERS, 'operate-as': 'company' } }, 'company-name')).toMatchObject({ required: true, valid: false })
  })
})

describe('questions', () => {
  test('an answer the platform holds is filled from it for the citizen to confirm, not asked', () => {
    // 年龄 from the 身份证's birth date (1990-03-07, on 2025-09-29)
    const q = g().questions
    expect(q.visible.find((x) => x.question.id === 'age')).toMatchObject({ answered: true, answer: 35, answerLabel: '35岁', fromData: { sourceLabel: '来自实名信息' } })
    expect(q.next).toBeUndefined()
    // the citizen's own answer wins over the data
    expect(g({ answers: { ...ANSWERS, age: 40 } }).questions.visible.find((x) => x.question.id === 'age')?.fromData).toBeUndefined()
    // without data it is asked like any other
    expect(guide(t, draft(), ctx()).questions.next?.id).toBe('age')
    // a held value mapped onto an option: 性别 男 → male
    const sexed = rideHailing((x) => {
      x.questions.push({ id: 'sex', kind: 'single', text: '您的性别', options: [{ value: 'male', label: '男' }, { value: 'female', label: '女' }], prefill: { source: 'profile', key: 'sex', map: { 男: 'male', 女: 'female' } } })
    })
    expect(guide(sexed, draft(), ctx(), PROFILE).questions.visible.find((x) => x.question.id === 'sex')).toMatchObject({ answer: 'male', answerLabel: '男', fromData: { sourceLabel: '来自实名信息' } })
  })

  test('an exclusive option (以上都没有) cannot be chosen with another', () => {
    const view = g({ answers: { ...ANSWERS, extras: ['none', 'modified'] } }).questions.visible.find((x) => x.question.id === 'extras')
    expect(view).toMatchObject({ answered: false, error: '“以上都没有”不能与其他选项同时选择' })
  })

  test('help texts name the region and parameter values', () => {
    expect(g().questions.visible.find((x) => x.question.id === 'vehicle-age')?.help).toBe('长沙市规定网约车使用年限不超过 6 年。')
    expect(g({}, { region: '430202', regionName: '株洲市' }).questions.visible.find((x) => x.question.id === 'vehicle-age')?.help).toBe('株洲市规定网约车使用年限不超过 8 年。')
  })
})

describe('stops', () => {
  test('one stop serves every city: reason and where to go are filled in from the region', () => {
    const stop = g({ answers: { ...ANSWERS, 'vehicle-age': 7 } }).stop
    expect(stop).toMatchObject({
      id: 'too-old',
      reason: '长沙市网约车的车辆使用年限不超过 6 年。',
      where: { name: '长沙市交通运输局', address: '长沙市政务服务中心二楼交通运输窗口', phone: '12345', hours: '工作日 9:00-17:00' },
    })
    // 7 years is fine in 株洲 (8)
    expect(g({ answers: { ...ANSWERS, 'vehicle-age': 7 } }, { region: '430202', regionName: '株洲市' }).stop).toBeUndefined()
  })

  test('the region hierarchy: a district is within its city, so a city-level dead end stops 岳麓区 too', () => {
    const company = { answers: { ...ANSWERS, 'operate-as': 'company' } }
    for (const region of ['430104', '430100', '430181']) expect(g(company, { region }).stop?.id).toBe('changsha-company')
    expect(g(company, { region: '430202' }).stop).toBeUndefined()
  })
})

describe('repeatable groups', () => {
  test('items with their own fields and materials; at least and at most', () => {
    const one = g()
    const drivers = one.fields.groups[0]
    expect(drivers).toMatchObject({ id: 'drivers', canAdd: true, canRemove: false })
    expect(drivers.items.map((i) => i.label)).toEqual(['驾驶员 1'])
    expect(one.materials.find((m) => m.id === 'driver-licence~k1')?.item).toEqual({ groupId: 'drivers', key: 'k1', label: '驾驶员 1（张三）' })

    const none = g({ items: { drivers: [] } })
    expect(none.fields.groups[0].error).toBe('请至少填写 1 位驾驶员')
    expect(validateDraft(t, draft({ items: { drivers: [] } }), ctx(), PROFILE).fieldErrors.drivers).toBe('请至少填写 1 位驾驶员')

    const second: GroupItem = { key: 'k2', values: { 'driver-name': '李四', 'driver-id': '430102199003071235' } }
    const two = validateDraft(t, draft({ items: { drivers: [DRIVER, second] } }), ctx(), PROFILE)
    // the second driver's errors are his own, and so is his material
    expect(two.fieldErrors).toEqual({ 'driver-id~k2': expect.stringContaining('身份证号码'), 'driver-licensed-on~k2': '请选择初次领取驾驶证日期' })
    expect(two.materialErrors).toEqual({ 'driver-licence~k2': '请上传驾驶员驾驶证' })
    const four = g({ items: { drivers: [DRIVER, { ...DRIVER, key: 'b' }, { ...DRIVER, key: 'c' }, { ...DRIVER, key: 'd' }] } }).fields.groups[0]
    expect(four).toMatchObject({ error: '最多填写 3 位驾驶员', canAdd: false })
  })
})

describe('materials', () => {
  test('an upload minimum as well as a maximum', () => {
    const two = g({ materials: { ...draft().materials, 'vehicle-photos': { mode: 'upload', fileIds: ['p1', 'p2'] } } })
    expect(two.materials.find((m) => m.id === 'vehicle-photos')?.error).toBe('车辆照片（前、后、左、右各一张）至少上传4个文件，已上传2个')
  })

  test('data the departments fetch themselves is no material of the citizen; an original at the window is, and a visit', () => {
    const base = g()
    const insurance = base.materials.find((m) => m.id === 'insurance')
    expect(insurance).toMatchObject({ modes: ['shared'], chosen: 'shared', satisfied: true })
    expect(base.summary.materialCount).toBe(5) // photos, licence, report, promise, driver licence: not the insurance
    expect(base.burden.bundle).toMatchObject({ materials: 5, uploads: 5, originals: 0, visits: 0, places: [] })
    const original = g({ materials: { ...draft().materials, 'inspection-report': { mode: 'original' } } })
    expect(original.burden.bundle).toMatchObject({ materials: 5, uploads: 4, originals: 1, visits: 1, places: ['到所在市州政务服务中心交通运输窗口核验原件'] })
    // shared data is not counted as provided separately either
    expect(base.burden.separate.materials).toBe(5)
  })
})

describe('what the path costs', () => {
  test('deadlines and visits follow the path: 告知承诺 issues the permit on the spot, 线下办理 changes the bundle’s promise', () => {
    const normal = g()
    expect(normal.deadline.matters[0]).toMatchObject({ matterId: 'permit', caseType: 'promised', promised: { days: 10, unit: 'workday' }, paused: [{ name: '车辆检测', maxDays: 5 }] })
    expect(normal.deadline.workingDays).toBe(10)
    const promised = g({ materials: { ...draft().materials, 'safety-promise': { mode: 'promise', agreedAt: NOW } } })
    expect(promised.deadline.matters[0]).toMatchObject({ caseType: 'instant', promised: { days: 0 } })
    expect(promised.deadline).toMatchObject({ workingDays: 0, expectedDate: '2025-09-29' })
    const offline = g({ handling: 'offline' })
    expect(offline.deadline.workingDays).toBe(7)
    expect(offline.visits).toBe(1)
    expect(normal.visits).toBe(0)
  })

  test('natural-day limits (日) beside working days', () => {
    const days = rideHailing((x) => {
      const m = x.matters[0]
      m.limitUnit = 'day'
      m.legalLimitDays = 60
      m.promisedLimitDays = 30
    })
    const d = guide(days, draft(), ctx(), PROFILE).deadline.matters[0]
    // 2025-09-29 + 30 natural days, across the National Day holiday
    expect(d).toMatchObject({ legal: { days: 60, unit: 'day' }, promised: { days: 30, unit: 'day' }, dueDate: '2025-10-29' })
    expect(d.legalWorkingDays).toBeLessThan(60)
  })

  test('fees by answers and region; contributions apart from fees; samples marked', () => {
    expect(g().fees).toEqual([{ matterId: 'permit', matterName: '网络预约出租汽车运输证核发', item: '运输证工本费', amountYuan: 0, sample: true }])
    const zhuzhou = g({ answers: { ...ANSWERS, extras: ['modified'] } }, { region: '430202', regionName: '株洲市' })
    expect(zhuzhou.fees.map((f) => [f.item, f.amountYuan])).toEqual([
      ['运输证工本费', 20],
      ['改装车辆技术鉴定费', 300],
    ])
    expect(zhuzhou.feeTotalYuan).toBe(320)
    expect(zhuzhou.contributions).toEqual([])
    const company = g({ answers: { ...ANSWERS, 'operate-as': 'company' } }, { region: '430202' })
    expect(company.contributions).toEqual([{ matterId: 'permit', matterName: '网络预约出租汽车运输证核发', item: '驾驶员职工社会保险费', amountText: '按当年缴费基数和比例，由公司缴纳', basis: undefined, sample: false }].map(({ basis: _b, ...c }) => c))
  })

  test('行政备案 is done on receipt: a 即办件 with no limits, or the template is refused', () => {
    const filed = g({ answers: { ...ANSWERS, extras: ['new-energy'] } })
    expect(filed.deadline.matters.find((m) => m.matterId === 'filing')).toMatchObject({ caseType: 'instant', promised: { days: 0 } })
    const bad = JSON.parse(JSON.stringify(rideHailingJson))
    bad.matters[1].caseType = 'promised'
    bad.matters[1].legalLimitDays = 5
    const r = parseTemplate(bad)
    expect(r.ok ? [] : r.issues).toEqual([{ path: '$.matters[1].caseType', message: '行政备案收到即办结：应为即办件（instant），法定和承诺时限为 0' }])
  })

  test('every matter code, phone, fee and threshold says where it comes from', () => {
    const bad = JSON.parse(JSON.stringify(rideHailingJson))
    delete bad.matters[0].provenance
    delete bad.params.maxVehicleYears.provenance
    delete bad.matters[0].fees[0].provenance
    const r = parseTemplate(bad)
    expect((r.ok ? [] : r.issues).map((i) => i.path).sort()).toEqual(['$.matters[0].fees[0].provenance', '$.matters[0].provenance', '$.params.maxVehicleYears.provenance'])
  })
})

describe('several parties', () => {
  const withParties = rideHailing((x) => {
    x.parties = [
      { id: 'owner', label: '车主', confirms: false },
      { id: 'driver', label: '驾驶员', confirms: true },
    ]
    x.materials.find((m) => m.id === 'safety-promise')!.party = 'driver'
    x.matters[0].result.party = 'driver'
  })
  const d = draft({ materials: { ...draft().materials, 'safety-promise': { mode: 'promise', agreedAt: '' } } })

  test('who must confirm blocks submission until they have; their promise is theirs to make, not the filer’s to tick', () => {
    const before = guide(withParties, d, ctx(), PROFILE)
    expect(before.blockers).toEqual(['还需驾驶员在本人账号中确认本申请（确认后才能提交）'])
    const promise = before.materials.find((m) => m.id === 'safety-promise')!
    expect(promise).toMatchObject({ party: { id: 'driver', label: '驾驶员' }, chosen: 'promise', satisfied: true })
    expect(before.parties.map((p) => [p.label, p.initiator, p.confirms, !!p.confirmation])).toEqual([
      ['车主', true, false, false],
      ['驾驶员', false, true, false],
    ])
    // the results go to the driver: their address, not the filer's
    expect(before.delivery.recipientParty).toEqual({ id: 'driver', label: '驾驶员' })
    const after = guide(withParties, d, ctx({ confirmations: [{ party: 'driver', name: '李*', at: NOW }] }), PROFILE)
    expect(after.blockers).toEqual([])
    expect(after.parties[1].confirmation).toEqual({ party: 'driver', name: '李*', at: NOW })
  })

  test('even a filer barred from 告知承诺 can leave another party’s promise to them', () => {
    const barred = guide(withParties, d, ctx({ promiseBarred: true }), PROFILE).materials.find((m) => m.id === 'safety-promise')
    expect(barred?.modes).toContain('promise')
  })
})

test('a draft with group items and per-item materials parses through the one DraftContent schema', () => {
  const content = { bundleId: t.id, templateVersion: 1, region: '430104', applicantKind: 'person', ...draft() }
  const r = parseDraftContent(content)
  expect(r).toEqual({ ok: true, value: content })
  const bad = parseDraftContent({ ...content, items: { drivers: [{ key: 'k 1', values: {} }] } })
  expect(bad).toEqual({ ok: false, issues: [{ path: 'items.drivers.0.key', message: '项目标识格式不正确' }] })
})
