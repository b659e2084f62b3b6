/** @jest-environment jsdom */
// The submit side of the journey wired to the app's stores, with Taro's API and the platform client replaced
// by doubles: a republished template shown and confirmed on 核对信息 and on 我的草稿, a refused choice landing
// on its form field with the platform's message, and the pickup hall named on the confirmation.
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { BundleTemplate } from '@/domain'
import { NOW, profile, template } from '../components/fixtures'

jest.mock('@tarojs/taro', () => jest.requireActual('./support/doubles').taroDouble(['pages/index/index', 'pages/journey/review/index']))

jest.mock('@/services/app', () =>
  jest.requireActual('./support/doubles').appServicesDouble({
    submitCase: jest.fn(),
    getCase: jest.fn(),
    listCases: jest.fn(async () => []),
    putDraft: jest.fn(async () => new Promise(() => undefined)),
    listDrafts: jest.fn(async () => []),
    deleteDraft: jest.fn(),
    getUpload: jest.fn(),
  }),
)
jest.mock('@/services/app-client', () => jest.requireMock('@/services/app'))

import DonePage from '@/pages/journey/done/index'
import DraftsPage from '@/pages/journey/drafts/index'
import FormPage from '@/pages/journey/form/index'
import QuestionPage from '@/pages/journey/question/index'
import ReviewPage from '@/pages/journey/review/index'
import { useCatalogue, useDrafts, useSession } from '@/stores/app'
import { useCases, useSubmission } from '@/stores/app-submit'
import { PlatformError } from '@/services/platform'

const mockTaro = jest.requireMock('@tarojs/taro').default as Record<string, jest.Mock>
const mockParams = jest.requireMock('@tarojs/taro').params as { current: Record<string, string> }
const mockPlatform = jest.requireMock('@/services/app').platform as Record<string, jest.Mock>

const idCard = { kind: 'idCard' as const, title: '居民身份证', holder: '张*', number: '4301**', issuer: '公安', issuedAt: '2020-01-01', consented: true }

/** v4 of the fixture: the optional 电子邮箱 field withdrawn (a typed value is dropped), or a new question too */
function v4(ask = false): BundleTemplate {
  const t = JSON.parse(JSON.stringify(template)) as BundleTemplate
  t.version = 4
  t.fields = t.fields.filter((f) => f.id !== 'email')
  for (const m of t.matters) m.fields = m.fields.filter((f) => f !== 'email')
  if (ask) t.questions.push({ id: 'seats', kind: 'yesno', text: '店里设不设堂食座位？' })
  return t
}

/** A complete draft on v3, signed in, placed on 核对信息. */
function reviewDraft(): string {
  const id = useDrafts.getState().start({ bundleId: template.id, templateVersion: 3, region: '430100', applicantKind: 'person' })
  const s = useDrafts.getState()
  for (const [q, v] of Object.entries({ tobacco: false, area: 80, menu: ['cold'], site: 'shop' })) s.setAnswer(id, q, v)
  s.setValue(id, 'mobile', '13812345678')
  s.setValue(id, 'shopName', '湘味小馆')
  s.setValue(id, 'email', 'zhang@example.com')
  s.setValue(id, 'kind', 'a')
  s.setMaterial(id, 'idCard', { mode: 'licence' })
  s.setMaterial(id, 'lease', { mode: 'promise', agreedAt: NOW })
  s.setMaterial(id, 'floorPlan', { mode: 'defer' })
  s.setDelivery(id, { method: 'electronic' })
  s.setHandling(id, 'online')
  s.setPlace(id, { step: 'review' })
  act(() => useSession.setState({ status: 'signed-in', profile, licences: [idCard] }))
  mockParams.current = { draft: id, bundle: template.id }
  return id
}

/** the newest version is `latest`; the draft's own version is the fixture */
function publish(latest: BundleTemplate) {
  mockPlatform.getBundle.mockImplementation(async (_id: string, version?: number) => (version === undefined || version === latest.version ? latest : template))
}

function caseFrom(body: { content: { templateVersion: number } }) {
  return {
    id: 'HN2026112600001',
    bundleId: template.id,
    bundleName: template.name,
    templateVersion: body.content.templateVersion,
    draftId: 'x',
    region: '430100',
    applicantKind: 'person',
    applicantName: '张*',
    status: 'submitted',
    submittedAt: NOW,
    dueDate: '2026-12-03',
    committedDays: 5,
    deadline: 'on-time',
    matters: [],
    guidance: { matterIds: [], departments: [], fieldCount: 3, materialCount: 1, visits: 0, workingDays: 5, estimated: false },
  }
}

beforeEach(() => {
  useDrafts.getState().reset()
  useCatalogue.getState().reset()
  useSession.getState().reset()
  useCases.getState().reset()
  useSubmission.setState({ byDraft: {} })
  jest.clearAllMocks()
  mockPlatform.getBundle.mockImplementation(async () => template)
  mockTaro.getCurrentPages.mockReturnValue([{ route: 'pages/index/index' }, { route: 'pages/journey/review/index' }])
})

test('核对信息: the submit button is there (no “next step” promise) and a republished guide is confirmed before anything is sent', async () => {
  const id = reviewDraft()
  publish(v4())
  mockPlatform.submitCase.mockImplementation(async (body) => caseFrom(body))
  render(<ReviewPage />)
  await screen.findByRole('heading', { level: 1, name: '核对申请信息' })
  expect(screen.queryByText(/下一步提供/)).toBeNull()
  await userEvent.click(screen.getByRole('button', { name: '提交申请' }))
  const changes = await screen.findByRole('region', { name: '办事指南已更新' })
  expect(changes).toHaveTextContent('由第 3 版更新为第 4 版')
  expect(changes).toHaveTextContent('电子邮箱表单已不再需要该项')
  expect(mockPlatform.submitCase).not.toHaveBeenCalled()

  await userEvent.click(screen.getByRole('button', { name: '确认变化并提交申请' }))
  // the confirmation opens alone: no page of the submitted journey is left below it to go back to
  await waitFor(() => expect(mockTaro.reLaunch).toHaveBeenCalledWith({ url: '/pages/journey/done/index?case=HN2026112600001' }))
  expect(mockPlatform.submitCase).toHaveBeenCalledTimes(1)
  expect(mockPlatform.submitCase.mock.calls[0][0].content.templateVersion).toBe(4)
  expect(useDrafts.getState().drafts[id].status).toBe('submitted')
})

test('核对信息: when the new version asks something new, confirming leads to that question and back here', async () => {
  const id = reviewDraft()
  publish(v4(true))
  render(<ReviewPage />)
  await userEvent.click(await screen.findByRole('button', { name: '提交申请' }))
  const changes = await screen.findByRole('region', { name: '办事指南已更新' })
  expect(changes).toHaveTextContent('新版还需要您补充：店里设不设堂食座位？')
  await userEvent.click(screen.getByRole('button', { name: '确认变化，去补充信息' }))
  await waitFor(() =>
    expect(mockTaro.navigateTo).toHaveBeenCalledWith({ url: `/pages/journey/question/index?draft=${encodeURIComponent(id)}&bundle=test-shop&return=review&q=seats` }),
  )
  expect(useDrafts.getState().drafts[id].content.templateVersion).toBe(4)
  expect(mockPlatform.submitCase).not.toHaveBeenCalled()
})

test('the new question answered, 继续 goes back to 核对信息 below (not a second copy of it)', async () => {
  const id = reviewDraft()
  publish(v4(true))
  render(<ReviewPage />)
  await userEvent.click(await screen.findByRole('button', { name: '提交申请' }))
  await userEvent.click(await screen.findByRole('button', { name: '确认变化，去补充信息' }))
  await waitFor(() => expect(useDrafts.getState().drafts[id].content.templateVersion).toBe(4))
  cleanup()
  mockParams.current = { draft: id, bundle: template.id, return: 'review', q: 'seats' }
  mockTaro.getCurrentPages.mockReturnValue([{ route: 'pages/journey/review/index', options: { draft: id, bundle: template.id } }, { route: 'pages/journey/question/index' }])
  render(<QuestionPage />)
  await screen.findByRole('heading', { level: 1, name: '店里设不设堂食座位？' })
  await userEvent.click(screen.getByRole('radio', { name: '否' }))
  await userEvent.click(screen.getByRole('button', { name: '继续' }))
  expect(mockTaro.navigateBack).toHaveBeenCalledTimes(1)
  expect(mockTaro.navigateTo).toHaveBeenCalledTimes(1) // only the way in
  expect(useDrafts.getState().drafts[id].content.answers.seats).toBe(false)
})

test('核对信息: a refused choice lands on its form field (not a list link), with the platform’s message there, focused', async () => {
  const id = reviewDraft()
  mockPlatform.submitCase.mockRejectedValueOnce(new PlatformError({ kind: 'validation', status: 422, message: '填写的内容有误', fieldErrors: { kind: '经营类别与经营范围不符，请重新选择' } }))
  const { unmount } = render(<ReviewPage />)
  await userEvent.click(await screen.findByRole('button', { name: '提交申请' }))
  const formUrl = `/pages/journey/form/index?draft=${encodeURIComponent(id)}&bundle=test-shop&return=review&field=kind`
  await waitFor(() => expect(mockTaro.navigateTo).toHaveBeenCalledWith({ url: formUrl }))
  unmount()

  mockParams.current = { draft: id, bundle: template.id, return: 'review', field: 'kind' }
  mockTaro.getCurrentPages.mockReturnValue([{ route: 'pages/journey/review/index', options: { draft: id, bundle: template.id } }, { route: 'pages/journey/form/index' }])
  render(<FormPage />)
  const group = await screen.findByRole('radiogroup', { name: '经营类别' })
  await waitFor(() => expect(screen.getByRole('radio', { name: '热食类' })).toHaveFocus())
  expect(group).toHaveAccessibleDescription(/经营类别与经营范围不符，请重新选择/)
  await userEvent.click(screen.getByRole('radio', { name: '冷食类' }))
  expect(screen.queryByText('经营类别与经营范围不符，请重新选择')).toBeNull()
  expect(useDrafts.getState().drafts[id].content.values.kind).toBe('b')
  // back to 核对信息, the page below (not a second copy of it on top)
  await userEvent.click(screen.getByRole('button', { name: '继续' }))
  expect(mockTaro.navigateBack).toHaveBeenCalledTimes(1)
})

test('我的草稿: resuming a draft made on an older version shows what changed; confirming carries it forward and opens it', async () => {
  const id = reviewDraft()
  publish(v4(true))
  mockParams.current = {}
  render(<DraftsPage />)
  await userEvent.click(await screen.findByRole('button', { name: '继续办理开办测试小店' }))
  const changes = await screen.findByRole('region', { name: '办事指南已更新' })
  expect(changes).toHaveTextContent('电子邮箱表单已不再需要该项')
  expect(changes).toHaveFocus()
  expect(mockTaro.navigateTo).not.toHaveBeenCalled()
  await userEvent.click(screen.getByRole('button', { name: '确认变化，继续办理' }))
  expect(mockTaro.navigateTo).toHaveBeenCalledWith({ url: `/pages/journey/question/index?draft=${encodeURIComponent(id)}&bundle=test-shop&q=seats` })
  expect(useDrafts.getState().drafts[id].content.templateVersion).toBe(4)
  expect(useDrafts.getState().drafts[id].content.values.email).toBeUndefined()
  expect(screen.queryByRole('region', { name: '办事指南已更新' })).toBeNull()
})

test('我的草稿: 暂不继续 leaves the draft as it was; a draft on the newest version opens at once', async () => {
  const id = reviewDraft()
  publish(v4())
  mockParams.current = {}
  render(<DraftsPage />)
  await userEvent.click(await screen.findByRole('button', { name: '继续办理开办测试小店' }))
  await userEvent.click(await screen.findByRole('button', { name: '暂不继续' }))
  expect(useDrafts.getState().drafts[id].content.templateVersion).toBe(3)
  expect(mockTaro.navigateTo).not.toHaveBeenCalled()
  publish(template)
  await userEvent.click(screen.getByRole('button', { name: '继续办理开办测试小店' }))
  await waitFor(() => expect(mockTaro.navigateTo).toHaveBeenCalledWith({ url: `/pages/journey/review/index?draft=${encodeURIComponent(id)}&bundle=test-shop` }))
})

test('the confirmation names the service hall of a pickup from GET /regions', async () => {
  mockPlatform.listRegions.mockResolvedValue([
    { code: '430100', name: '长沙市', hall: { id: 'hall-430100', name: '长沙市政务服务中心', address: '长沙市岳麓区岳麓大道（长沙市民之家）', hours: '工作日', phone: '12345' } },
  ])
  const rec = { ...caseFrom({ content: { templateVersion: 3 } }), delivery: { method: 'pickup', hallId: 'hall-430100' }, handling: 'online' }
  mockPlatform.getCase.mockResolvedValue(rec)
  mockParams.current = { case: 'HN2026112600001' }
  render(<DonePage />)
  await screen.findByText(/窗口自取：长沙市政务服务中心（长沙市岳麓区岳麓大道（长沙市民之家））。办结后会通知您领取/)
})
