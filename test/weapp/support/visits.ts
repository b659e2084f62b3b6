// Every page of the WeChat build opened with the query the app itself makes, on a phone whose storage holds what
// that query points at: a draft filled up to 核对申请信息, a submitted case. Shared by the runtime test
// (test/weapp/pages.test.ts) and the bench (scripts/bench/weapp.ts).
import { makeClient } from '../../contract/support/harness'
import { newborn, restaurant, ROUTES, WeappDriver } from './journeys'
import { WeappRuntime } from './runtime'

export interface JourneyStates {
  /** 刘洋's phone with 开办餐饮店 filled up to 核对申请信息 */
  openDraft: { storage: Record<string, unknown>; draftId: string }
  /** another phone of 刘洋's, after submitting 新生儿出生; a department then asked for a 补正 */
  submitted: { storage: Record<string, unknown>; caseId: string }
}

/** A department asks for a 补正 of one value of the case (a window clerk, as the staff console #13 will). */
async function askSupplement(platformUrl: string, caseId: string): Promise<void> {
  const clerk = makeClient(platformUrl, { adminToken: undefined })
  await clerk.loginStaff('staff03', 'Window@2026')
  const c = await clerk.dept.getCase(caseId)
  for (const field of Object.keys(c.content.values)) {
    const asked = await clerk.dept.requestSupplement(caseId, { message: '请核对后重新填写', fields: [field] }).then(
      () => true,
      () => false,
    )
    if (asked) return
  }
  throw new Error(`no 补正 could be asked of ${caseId}`)
}

/** Runs the two journeys on the platform and keeps the phones' storage. */
export async function journeyStates(platformUrl: string): Promise<JourneyStates> {
  const father = await WeappRuntime.launch({ platformUrl, account: { loginCode: 'dev-citizen-1', privacyAgreed: true } })
  await restaurant(new WeappDriver(father))
  const openDraft = { storage: father.storage.snapshot(), draftId: decodeURIComponent(father.page.query.draft) }
  await father.close()
  father.assertHealthy()
  const phone = await WeappRuntime.launch({ platformUrl, account: { loginCode: 'dev-citizen-1', privacyAgreed: true } })
  const d = new WeappDriver(phone)
  await newborn(d)
  const caseId = await d.submit()
  const submitted = { storage: phone.storage.snapshot(), caseId }
  await phone.close()
  phone.assertHealthy()
  await askSupplement(platformUrl, caseId)
  return { openDraft, submitted }
}

export interface PageVisit {
  query: Record<string, string>
  storage?: Record<string, unknown>
  /** text the page shows once its data is there */
  shows: string
}

const draftQuery = (s: JourneyStates) => ({ draft: encodeURIComponent(s.openDraft.draftId), bundle: 'kaiban-canyin' })

/** [route, its level-1 heading, how to open it] */
export const PAGE_VISITS: [string, string, (s: JourneyStates) => PageVisit][] = [
  [ROUTES.home, '一件事一次办', () => ({ query: {}, shows: '热门一件事' })],
  [ROUTES.guide, '开办餐饮店', () => ({ query: { bundle: 'kaiban-canyin', kind: 'person' }, shows: '开始办理' })],
  [ROUTES.guide, '企业开办', () => ({ query: { bundle: 'qiye-kaiban', kind: 'firm' }, shows: '开始办理' })],
  [ROUTES.question, '店面的使用面积有多大？', (s) => ({ query: { ...draftQuery(s), q: 'area' }, storage: s.openDraft.storage, shows: '40' })],
  [ROUTES.form, '填写申请信息', (s) => ({ query: { ...draftQuery(s), field: 'business-name', return: 'review' }, storage: s.openDraft.storage, shows: '湘味小馆' })],
  [ROUTES.materials, '准备材料', (s) => ({ query: draftQuery(s), storage: s.openDraft.storage, shows: '布局图.pdf' })],
  [ROUTES.delivery, '办理方式与结果领取', (s) => ({ query: draftQuery(s), storage: s.openDraft.storage, shows: '免费邮寄（EMS）' })],
  [ROUTES.review, '核对申请信息', (s) => ({ query: draftQuery(s), storage: s.openDraft.storage, shows: '提交申请' })],
  [ROUTES.drafts, '我的草稿', (s) => ({ query: {}, storage: s.openDraft.storage, shows: '开办餐饮店' })],
  [ROUTES.done, '提交成功', (s) => ({ query: { case: s.submitted.caseId }, storage: s.submitted.storage, shows: s.submitted.caseId })],
  [ROUTES.cases, '我的办件', (s) => ({ query: {}, storage: s.submitted.storage, shows: s.submitted.caseId })],
  [ROUTES.caseDetail, '新生儿出生一件事', (s) => ({ query: { case: s.submitted.caseId }, storage: s.submitted.storage, shows: '需要您补正' })],
  [ROUTES.supplement, '补正材料', (s) => ({ query: { case: s.submitted.caseId }, storage: s.submitted.storage, shows: '提交补正' })],
  [ROUTES.messages, '消息', (s) => ({ query: {}, storage: s.submitted.storage, shows: '请补正材料' })],
  [ROUTES.me, '我的', (s) => ({ query: {}, storage: s.submitted.storage, shows: '刘*' })],
  [ROUTES.licences, '我的证照', (s) => ({ query: {}, storage: s.submitted.storage, shows: '居民身份证' })],
  [ROUTES.help, '帮助与客服', () => ({ query: { bundle: 'kaiban-canyin' }, shows: '拨打 0731-88665120' })],
  [ROUTES.family, '请家人帮我办', () => ({ query: {}, shows: '发给家人' })],
  [ROUTES.login, '登录', () => ({ query: {}, shows: '手机号快捷登录' })],
  [ROUTES.privacy, '隐私政策', () => ({ query: { bundle: 'xinshenger' }, shows: '申请信息和材料只提供给这件事的承办部门：卫生健康委员会' })],
]

/** Opens one page cold, waits until it shows its content and is quiet, and returns the runtime (still open). */
export async function visit(platformUrl: string, route: string, heading: string, v: PageVisit): Promise<WeappRuntime> {
  const app = await WeappRuntime.launch({ platformUrl, path: route, query: v.query, storage: v.storage, account: { privacyAgreed: true } })
  try {
    await app.waitForPage(route, heading)
    await app.waitForText(v.shows)
    await app.idle(150)
  } catch (e) {
    await app.close()
    throw e
  }
  return app
}
