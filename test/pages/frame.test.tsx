/** @jest-environment jsdom */
// Every page's Frame on H5: the sign-in expiry notice is for journey pages (typing to lose) and only they load
// its code (SessionExpiryLate.tsx).
import { act, render, screen } from '@testing-library/react'
import { View } from '@tarojs/components'

jest.mock('@tarojs/taro', () => jest.requireActual('./support/doubles').taroDouble(['pages/journey/form/index']))
jest.mock('@/services/app', () => jest.requireActual('./support/doubles').appServicesDouble())
jest.mock('@/services/app-client', () => jest.requireMock('@/services/app'))
jest.mock('@/pages/SessionExpiry', () => {
  const actual = jest.requireActual('@/pages/SessionExpiry')
  return { SessionExpiry: jest.fn(actual.SessionExpiry) }
})

import { Frame } from '@/pages/Frame'
import { useSession } from '@/stores/app'

const mockTaro = jest.requireMock('@tarojs/taro').default as Record<string, jest.Mock>
const expiryNotice = jest.requireMock('@/pages/SessionExpiry').SessionExpiry as jest.Mock

function signedInEndingSoon() {
  useSession.setState({ status: 'signed-in', sessionEndsAt: Date.now() + 2 * 60_000 })
}

async function openAt(route: string) {
  // H5 reads the page shown from the address (hash routing), the notice from Taro's router
  window.location.hash = `#${route}`
  mockTaro.getCurrentInstance.mockReturnValue({ router: { path: route, params: {} } })
  render(
    <Frame atOnce>
      <View>正文</View>
    </Frame>,
  )
  await screen.findByText('正文')
  // the notice's code arrives late (H5) and renders in a background update
  await act(() => new Promise((r) => setTimeout(r, 20)))
}

beforeEach(() => {
  useSession.getState().reset()
  expiryNotice.mockClear()
})

test('on a journey page a sign-in about to end is announced', async () => {
  signedInEndingSoon()
  await openAt('/pages/journey/form/index')
  expect(screen.getByText('登录即将过期')).toBeInTheDocument()
  expect(screen.getByText(/约 2 分钟后需要重新登录/)).toBeInTheDocument()
})

test('on 我的办件 there is nothing typed to lose: no notice, and its code is not loaded', async () => {
  signedInEndingSoon()
  await openAt('/pages/my-cases/index')
  expect(screen.queryByText('登录即将过期')).not.toBeInTheDocument()
  expect(expiryNotice).not.toHaveBeenCalled()
})
