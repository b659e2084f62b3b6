import { DECEASED_RECORD_REFUSAL } from '@/domain/deceased'
import { guide, type Guidance, type LicenceKindInfo } from '@/domain'
import type { LocalDraft } from '@/stores/draft'
import {
  afterQuestion,
  choiceFor,
  currentQuestion,
  deceasedLookupRefusal,
  deliveryFor,
  guidanceContext,
  hallName,
  hallOptions,
  licencesToOffer,
  materialErrors,
  placeBefore,
  promiseUnavailableReason,
  questionLicenceOffers,
  summaryText,
  urlOf,
} from '@/stores/journey'
import { NOW, profile, template } from '../components/fixtures'
import tuixiuJson from '../../mock/catalogue/bundles/tuixiu.json'
import { ctx as contextFor, draft as guideDraft, loadTemplate } from '../fixtures/templates'

const REGIONS = [
  {
    code: '430000',
    name: '湖南省',
    hall: { id: 'hall-430000', name: '湖南省政务服务中心', address: '长沙市天心区', hours: '工作日', phone: '12345' },
    children: [
      { code: '430100', name: '长沙市', hall: { id: 'hall-430100', name: '长沙市政务服务中心', address: '长沙市岳麓区岳麓大道', hours: '工作日', phone: '12345' } },
      { code: '430200', name: '株洲市', hall: { id: 'hall-430200', name: '株洲市市民中心', address: '株洲市天元区', hours: '工作日', phone: '12345' } },
    ],
  },
]

const KINDS: LicenceKindInfo[] = [
  { kind: 'idCard', name: '居民身份证', shortName: '身份证', issuer: '公安机关', fields: { idNumber: '公民身份号码' } },
  { kind: 'businessLicence', name: '营业执照', issuer: '市场监督管理部门', fields: { uscc: '统一社会信用代码' } },
]

function draftWith(answers: LocalDraft['content']['answers'], extra: Partial<LocalDraft> = {}): LocalDraft {
  return {
    id: 'd1',
    content: { bundleId: template.id, templateVersion: 3, region: '430100', applicantKind: 'person', answers, values: {}, materials: {} },
    place: { step: 'questions' },
    acting: { actor: 'self', promiseAuthorised: true },
    files: {},
    createdAt: NOW,
    updatedAt: NOW,
    status: 'open',
    ...extra,
  }
}

type Kind = 'idCard' | 'businessLicence'
const summaryOf = (kind: Kind, consented = false) => ({ kind, title: kind, holder: '张*', number: '***', issuer: '发证机关', issuedAt: '2020-01-01', consented })

function g(d: LocalDraft, licences: Kind[] = [], consented: Kind[] = [], extra: { promiseBarred?: boolean } = {}): Guidance {
  const session = { profile: { ...profile, ...extra }, licences: licences.map((k) => summaryOf(k, consented.includes(k))), licenceData: {} }
  return guide(template, d.content, guidanceContext(d, session, NOW, REGIONS, KINDS), { profile: { name: profile.name, idNumber: profile.idNumber } })
}

test('URLs carry ids only, never what was typed', () => {
  const d = draftWith({}, { content: { ...draftWith({}).content, values: { idNumber: '430102199003071234' } } })
  const url = urlOf({ step: 'questions', questionId: 'area' }, d)
  expect(url).toBe('/pages/journey/question/index?draft=d1&bundle=test-shop&q=area')
  expect(url).not.toContain('4301021990')
})

test('continue walks the visible questions in order, then goes to the form; back goes the other way', () => {
  const none = g(draftWith({}))
  expect(currentQuestion(none)?.id).toBe('tobacco')
  expect(afterQuestion(none, 'tobacco')).toEqual({ step: 'questions', questionId: 'area' })
  const all = g(draftWith({ tobacco: true, area: 50, menu: [], site: 'shop' }))
  expect(afterQuestion(all, 'site')).toEqual({ step: 'form' })
  expect(placeBefore(all, { step: 'questions', questionId: 'area' })).toEqual({ step: 'questions', questionId: 'tobacco' })
  expect(placeBefore(all, { step: 'questions', questionId: 'tobacco' })).toEqual({ step: 'guide' })
  expect(placeBefore(all, { step: 'form' })).toEqual({ step: 'questions', questionId: 'site' })
  // from the review's 修改 link: straight back once nothing is left unanswered
  expect(afterQuestion(all, 'tobacco', 'review')).toEqual({ step: 'review' })
  // after the last question, an earlier unanswered one is asked first
  const gap = g(draftWith({ tobacco: true, menu: [], site: 'shop' }))
  expect(afterQuestion(gap, 'site')).toEqual({ step: 'questions', questionId: 'area' })
})

test('the summary text follows the answers', () => {
  const small = g(draftWith({ tobacco: false, area: 50 }))
  const big = g(draftWith({ tobacco: true, area: 500 }))
  expect(summaryText(small.summary)).toMatch(/^需办理 1 个事项，需准备 \d+ 份材料，预计 5 个工作日$/)
  expect(summaryText(big.summary)).toMatch(/^需办理 3 个事项/)
})

test('e-licences: consent is needed before the material counts; the form offers licences it could prefill from', () => {
  const d = draftWith({ tobacco: true, area: 50, menu: [], site: 'shop' })
  const withLicence = g(d, ['idCard', 'businessLicence'])
  const idCard = withLicence.materials.find((m) => m.id === 'idCard')!
  expect(idCard.chosen).toBe('licence')
  // the engine's rule (the platform's too): one message, at the material
  expect(materialErrors(withLicence).idCard).toBe('请同意使用电子居民身份证，或选择其他提交方式')
  expect(materialErrors(g(d, ['idCard', 'businessLicence'], ['idCard'])).idCard).toBeUndefined()
  expect(licencesToOffer(withLicence, ['idCard', 'businessLicence'], {})).toEqual(['businessLicence'])
})

test('the context carries what the platform judges by: promise eligibility and the account kind from the profile', () => {
  const d = draftWith({ tobacco: false, area: 50, menu: [], site: 'shop' })
  const ctx = guidanceContext(d, { profile: { ...profile, promiseBarred: true }, licences: [], licenceData: {} }, NOW, REGIONS, KINDS)
  expect(ctx).toMatchObject({
    promiseBarred: true,
    accountKind: 'person',
    consented: [],
    regionName: '长沙市',
    licenceNames: { idCard: { name: '居民身份证', shortName: '身份证' }, businessLicence: { name: '营业执照' } },
    halls: [
      { id: 'hall-430000', name: '湖南省政务服务中心' },
      { id: 'hall-430100', name: '长沙市政务服务中心' },
      { id: 'hall-430200', name: '株洲市市民中心' },
    ],
  })
  const barred = g(d, [], [], { promiseBarred: true }).materials.find((m) => m.id === 'lease')!
  expect(barred.modes).not.toContain('promise')
  expect(promiseUnavailableReason(barred, d.acting, true)).toContain('严重失信')
})

test('a proxy without written authorisation is told why 告知承诺 is not offered', () => {
  const d = draftWith({ tobacco: false, area: 50, menu: [], site: 'shop' }, { acting: { actor: 'relative', promiseAuthorised: false } })
  const lease = g(d).materials.find((m) => m.id === 'lease')!
  expect(lease.modes).not.toContain('promise')
  expect(promiseUnavailableReason(lease, d.acting)).toContain('书面授权')
  const self = g(draftWith({ tobacco: false, area: 50, menu: [], site: 'shop' })).materials.find((m) => m.id === 'lease')!
  expect(self.modes).toContain('promise')
  expect(promiseUnavailableReason(self, { actor: 'self', promiseAuthorised: true })).toBeUndefined()
})

test('switching back to upload keeps the files already uploaded; a promise starts unsigned', () => {
  const d = draftWith({}, { files: { f1: { materialId: 'lease', name: 'a.pdf', size: 1, type: 'pdf', uploadedAt: NOW } } })
  expect(choiceFor('upload', 'lease', d)).toEqual({ mode: 'upload', fileIds: ['f1'] })
  expect(choiceFor('promise', 'lease', d)).toEqual({ mode: 'promise', agreedAt: '' })
  expect(choiceFor('defer', 'floorPlan', d)).toEqual({ mode: 'defer' })
})

test('delivery: EMS starts from the profile and keeps edits; pickup names a hall; handling must be chosen', () => {
  const all = g(draftWith({ tobacco: true, area: 50, menu: [], site: 'shop' }))
  expect(all.delivery.needed).toBe(true)
  const halls = hallOptions(REGIONS, '430104')
  expect(halls.map((h) => h.value)).toEqual(['hall-430100', 'hall-430000'])
  expect(hallName(REGIONS, 'hall-430100')).toBe('长沙市政务服务中心（长沙市岳麓区岳麓大道）')
  const ems = deliveryFor('ems', undefined, { recipient: '张三', mobile: '13812345678', region: '430100', detail: '麓山南路 1 号' }, halls)
  expect(ems.address).toEqual({ recipient: '张三', mobile: '13812345678', region: '430100', detail: '麓山南路 1 号' })
  const edited = deliveryFor('ems', { ...ems, address: { ...ems.address!, detail: '新地址' } }, { detail: '麓山南路 1 号' }, halls)
  expect(edited.address?.detail).toBe('新地址')
  expect(deliveryFor('pickup', undefined, {}, halls)).toEqual({ method: 'pickup', hallId: halls[0].value })
  expect(all.delivery.handlingError).toBe('请选择办理方式')
  const answered = draftWith({ tobacco: true, area: 50, menu: [], site: 'shop' })
  expect(g({ ...answered, content: { ...answered.content, handling: 'online' } }).delivery.handlingError).toBeUndefined()
})

test('the question page offers the e-licences that would answer questions still to come, with how many', () => {
  const tuixiu = loadTemplate(tuixiuJson)
  const data = { profile: { sex: '男', birthDate: '1958-01-01' } }
  const start = guide(tuixiu, guideDraft(), contextFor({ now: NOW, licences: ['household', 'socialSecurityCard'], consented: [] }), data)
  // 缴费年限 and 医保年限 (社保卡), 户口在省外 (户口簿)
  expect(questionLicenceOffers(start, ['household', 'socialSecurityCard'], {})).toEqual({ kinds: ['socialSecurityCard', 'household'], questions: 3 })
  // opened in this session: nothing more to offer for it; not held: never offered
  expect(questionLicenceOffers(start, ['household', 'socialSecurityCard'], { household: { regionCode: '430103' } })).toEqual({ kinds: ['socialSecurityCard'], questions: 2 })
  expect(questionLicenceOffers(start, [], {})).toEqual({ kinds: [], questions: 0 })
  // a question the citizen already answered is not counted
  const typed = guide(tuixiu, guideDraft({ answers: { medicalYears: 30 } }), contextFor({ now: NOW, licences: ['socialSecurityCard'], consented: [] }), data)
  expect(questionLicenceOffers(typed, ['socialSecurityCard'], {})).toEqual({ kinds: ['socialSecurityCard'], questions: 1 })
})

test('身后事 lookup: the number’s problem at the field, no checkable tie refused in the platform’s words, else it may be sent', () => {
  const WIFE = '430103196003150023'
  const today = '2026-12-02'
  const elder = { idNumber: '430103195801010015', heldLicences: ['idCard', 'household'] }
  expect(deceasedLookupRefusal(elder, `${WIFE.slice(0, 17)}5`, today)).toEqual({ error: '逝者的身份证号码校验位不正确，请核对后重新输入', field: true })
  expect(deceasedLookupRefusal({ ...elder, idNumber: WIFE }, WIFE, today)).toEqual({ error: '这是您本人的身份证号码，请输入逝者的身份证号码', field: true })
  expect(deceasedLookupRefusal({ ...elder, heldLicences: ['idCard'] }, WIFE, today)).toEqual({ error: DECEASED_RECORD_REFUSAL })
  expect(deceasedLookupRefusal(elder, WIFE, today)).toBeUndefined()
  expect(deceasedLookupRefusal({ ...elder, heldLicences: ['marriage'] }, WIFE, today)).toBeUndefined()
})
