// Where each page is, a draft's URL and the steps' names: what the home page needs from the journey, apart
// from the journey's rules (./journey re-exports these).
import type { JourneyPlace, LocalDraft } from './draft'

export const ROUTES = {
  home: '/pages/index/index',
  cases: '/pages/my-cases/index',
  messages: '/pages/messages/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  guide: '/pages/journey/guide/index',
  questions: '/pages/journey/question/index',
  form: '/pages/journey/form/index',
  materials: '/pages/journey/materials/index',
  delivery: '/pages/journey/delivery/index',
  review: '/pages/journey/review/index',
  drafts: '/pages/journey/drafts/index',
  done: '/pages/journey/done/index',
  confirm: '/pages/journey/confirm/index',
  caseDetail: '/pages/cases/detail/index',
  supplement: '/pages/cases/supplement/index',
  privacy: '/pages/privacy/index',
  licences: '/pages/account/licences/index',
  help: '/pages/account/help/index',
  family: '/pages/account/family/index',
  grants: '/pages/account/grants/index',
  booking: '/pages/account/booking/index',
  staff: '/pages/staff/home/index',
} as const

export type RouteName = keyof typeof ROUTES

/** A case's page: only its number in the URL. */
export function caseUrl(caseId: string): string {
  return `${ROUTES.caseDetail}?case=${encodeURIComponent(caseId)}`
}

/** The confirmation of a case just submitted. */
export function doneUrl(caseId: string): string {
  return `${ROUTES.done}?case=${encodeURIComponent(caseId)}`
}

export type TabName = 'home' | 'cases' | 'messages' | 'me'

/** The tab bar, in order (app.config.ts builds WeChat's from it; TabBar draws H5's). Tab pages take no query. */
export const TABS: { name: TabName; text: string; icon: TabName }[] = [
  { name: 'home', text: '首页', icon: 'home' },
  { name: 'cases', text: '办件', icon: 'cases' },
  { name: 'messages', text: '消息', icon: 'messages' },
  { name: 'me', text: '我的', icon: 'me' },
]

const bare = (url: string) => url.split('?')[0].replace(/^\//, '')

/** the tab a URL opens, if it is a tab page */
/** Whether a page's path or address is one of the journey's (where a citizen types, and a sign-in ending would cost it). */
export function isJourneyPath(pathOrAddress: string): boolean {
  return pathOrAddress.includes('pages/journey/')
}

export function tabOf(url: string): TabName | undefined {
  return TABS.find((t) => bare(ROUTES[t.name]) === bare(url))?.name
}

/** URL of a place in a draft. Only ids: never a value the citizen typed. */
export function urlOf(place: JourneyPlace, draft: Pick<LocalDraft, 'id' | 'content'>, extra: Record<string, string> = {}): string {
  const params: Record<string, string> = { draft: draft.id, bundle: draft.content.bundleId, ...extra }
  if (place.step === 'questions' && place.questionId) params.q = place.questionId
  const qs = Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')
  return `${ROUTES[place.step]}?${qs}`
}

export const STEP_LABELS: Record<JourneyPlace['step'], string> = {
  guide: '办事指南',
  questions: '回答问题',
  form: '填写信息',
  materials: '准备材料',
  delivery: '领取方式',
  review: '核对信息',
}
