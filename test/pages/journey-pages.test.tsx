/** @jest-environment jsdom */
// The journey pages wired to the app's stores, with Taro's API and the platform client replaced by doubles.
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { profile, template } from '../components/fixtures'

jest.mock('@tarojs/taro', () => jest.requireActual('./support/doubles').taroDouble(['pages/journey/guide/index', 'pages/journey/question/index']))

jest.mock('@/services/app', () =>
  jest.requireActual('./support/doubles').appServicesDouble({
    loginWechat: jest.fn(),
    sendSmsCode: jest.fn(),
    loginSms: jest.fn(),
    logout: jest.fn(),
    uploadFile: jest.fn(),
  }),
)
jest.mock('@/services/app-client', () => jest.requireMock('@/services/app'))

import FormPage from '@/pages/journey/form/index'
import QuestionPage from '@/pages/journey/question/index'
import { useCatalogue, useDrafts, useSession } from '@/stores/app'

const mockTaro = jest.requireMock('@tarojs/taro').default as Record<string, jest.Mock>
const mockParams = jest.requireMock('@tarojs/taro').params as { current: Record<string, string> }
const mockPlatform = jest.requireMock('@/services/app').platform as Record<string, jest.Mock>

function startDraft(answers: Record<string, boolean | number | string | string[]> = {}) {
  const id = useDrafts.getState().start({ bundleId: template.id, templateVersion: template.version, region: '430100', applicantKind: 'person' })
  for (const [q, v] of Object.entries(answers)) useDrafts.getState().setAnswer(id, q, v)
  mockParams.current = { draft: id, bundle: template.id }
  return id
}

beforeEach(() => {
  useDrafts.getState().reset()
  useCatalogue.getState().reset()
  useSession.getState().reset()
  jest.clearAllMocks()
})

const questionUrl = (id: string, q: string) => `/pages/journey/question/index?draft=${encodeURIComponent(id)}&bundle=test-shop&q=${q}`

/** The page WeChat or the browser opens for a question's URL. */
function openQuestion(id: string, q: string) {
  cleanup()
  mockParams.current = { draft: id, bundle: template.id, q }
  render(<QuestionPage />)
}

test('each question has its own URL: the page shows the one named, records the place, and goes on by URL', async () => {
  const id = startDraft()
  render(<QuestionPage />)
  await screen.findByRole('heading', { level: 1, name: '是否销售卷烟？' })
  expect(mockPlatform.getBundle).toHaveBeenCalledWith('test-shop', 3)
  // opened without a question: the question shown gets its own URL in place of this one
  await waitFor(() => expect(mockTaro.redirectTo).toHaveBeenCalledWith({ url: questionUrl(id, 'tobacco') }))

  openQuestion(id, 'tobacco')
  await screen.findByRole('heading', { level: 1, name: '是否销售卷烟？' })
  await userEvent.click(screen.getByRole('button', { name: '继续' }))
  expect(screen.getByText('请回答此问题后继续', { selector: '[id$=-error]' })).toBeInTheDocument()
  await userEvent.click(screen.getByRole('radio', { name: '是' }))
  expect(screen.getByRole('status')).toHaveTextContent('需办理 2 个事项')
  await userEvent.click(screen.getByRole('button', { name: '继续' }))
  expect(mockTaro.navigateTo).toHaveBeenLastCalledWith({ url: questionUrl(id, 'area') })

  openQuestion(id, 'area')
  await screen.findByRole('heading', { level: 1, name: '经营场所面积有多大？' })
  expect(useDrafts.getState().drafts[id].place).toMatchObject({ step: 'questions', questionId: 'area' })
  await userEvent.type(screen.getByRole('textbox'), '120')
  await userEvent.click(screen.getByRole('button', { name: '继续' }))
  expect(mockTaro.navigateTo).toHaveBeenLastCalledWith({ url: questionUrl(id, 'menu') })

  openQuestion(id, 'menu')
  await userEvent.click(await screen.findByRole('checkbox', { name: '以上都没有' }))
  await userEvent.click(screen.getByRole('button', { name: '继续' }))
  openQuestion(id, 'site')
  await userEvent.click(await screen.findByRole('radio', { name: '临街商铺' }))
  await userEvent.click(screen.getByRole('button', { name: '继续' }))
  expect(mockTaro.navigateTo).toHaveBeenLastCalledWith({ url: `/pages/journey/form/index?draft=${encodeURIComponent(id)}&bundle=test-shop` })
  expect(useDrafts.getState().drafts[id].content.answers).toEqual({ tobacco: true, area: 120, menu: [], site: 'shop' })
})

test('the back link on the first question steps back to the guide page below it', async () => {
  const id = startDraft()
  mockTaro.getCurrentPages.mockReturnValueOnce([{ route: 'pages/journey/guide/index', options: { draft: id, bundle: template.id } }, { route: 'pages/journey/question/index' }])
  openQuestion(id, 'tobacco')
  await userEvent.click(await screen.findByRole('button', { name: '‹ 返回' }))
  expect(mockTaro.navigateBack).toHaveBeenCalledWith({ delta: 1 })
})

test('signed out, the form asks for sign-in first and keeps the answers', async () => {
  const id = startDraft({ tobacco: false, area: 50, menu: [], site: 'shop' })
  render(<FormPage />)
  await screen.findByRole('heading', { level: 2, name: '请先登录' })
  await userEvent.click(screen.getByRole('button', { name: '登录后继续' }))
  // sign-in comes back to this form (the URL says so, so a reload of the sign-in page still does)
  const { url } = mockTaro.navigateTo.mock.calls[0][0] as { url: string }
  expect(url.split('?')[0]).toBe('/pages/login/index')
  expect(decodeURIComponent(new URLSearchParams(url.split('?')[1]).get('next') ?? '')).toMatch(new RegExp(`^/pages/journey/[a-z]+/index\\?draft=${id}`))
  expect(useDrafts.getState().drafts[id].content.answers.area).toBe(50)
})

test('signed in, the form shows prefilled values locked and masked, and saves what is typed to the draft', async () => {
  const id = startDraft({ tobacco: false, area: 50, menu: [], site: 'shop' })
  act(() => useSession.setState({ status: 'signed-in', profile }))
  render(<FormPage />)
  const idNumber = await screen.findByRole('group', { name: '身份证号码' })
  expect(idNumber).toHaveTextContent('430102********1234')
  await userEvent.type(screen.getByRole('textbox', { name: '店铺名称' }), '湘味')
  expect(useDrafts.getState().drafts[id].content.values.shopName).toBe('湘味')
  expect(useDrafts.getState().drafts[id].place).toMatchObject({ step: 'form' })
})

test('a step opened before its time sends the citizen to the furthest step allowed', async () => {
  const id = startDraft({ tobacco: true })
  render(<FormPage />)
  await waitFor(() => expect(mockTaro.redirectTo).toHaveBeenCalledWith({ url: `/pages/journey/question/index?draft=${encodeURIComponent(id)}&bundle=test-shop&q=area` }))
})

test('an unknown draft says so in Chinese with a way home', async () => {
  mockParams.current = { draft: 'nope' }
  render(<QuestionPage />)
  expect(screen.getByRole('alert')).toHaveTextContent('没有找到这份申请，请从首页重新开始')
  await userEvent.click(screen.getByRole('button', { name: '返回首页' }))
  expect(mockTaro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' })
})
