// Doubles for page tests: Taro's API (navigation, storage, router params) and the app's services with a
// platform client whose functions are jest mocks. Used from jest.mock factories via jest.requireActual.
import { memoryStorage } from '@/services/storage'
import { createTokenStore } from '@/services/tokens'
import { createProgressRegistry } from '@/services/upload-transport'
import * as fixtures from '../../components/fixtures'

/** `pageStack`: the routes getCurrentPages reports, oldest first. */
export function taroDouble(pageStack: string[]) {
  const params: { current: Record<string, string> } = { current: {} }
  const taro = {
    navigateTo: jest.fn(async () => undefined),
    redirectTo: jest.fn(async () => undefined),
    navigateBack: jest.fn(async () => undefined),
    reLaunch: jest.fn(async () => undefined),
    switchTab: jest.fn(async () => undefined),
    getCurrentInstance: jest.fn(() => ({ router: { path: pageStack[pageStack.length - 1] ?? '', params: params.current } })),
    getCurrentPages: jest.fn(() => pageStack.map((route) => ({ route }))),
    pageScrollTo: jest.fn(async () => undefined),
    showToast: jest.fn(),
    showModal: jest.fn(async () => ({ confirm: true })),
    setClipboardData: jest.fn(async () => undefined),
    getStorageSync: jest.fn(() => ''),
    setStorageSync: jest.fn(),
    removeStorageSync: jest.fn(),
  }
  // a page is shown once when it mounts (Taro calls onShow after onLoad)
  const useDidShow = (fn: () => void) => jest.requireActual<typeof import('react')>('react').useEffect(() => fn(), [])
  const useDidHide = (fn: () => void) => jest.requireActual<typeof import('react')>('react').useEffect(() => fn, [])
  return { __esModule: true, default: taro, params, useRouter: () => ({ params: params.current }), useDidShow, useDidHide }
}

/** The app's services with a fake platform; `extra` adds or replaces client functions. */
export function appServicesDouble(extra: Record<string, jest.Mock> = {}) {
  const platform = {
    getBundle: jest.fn(async () => fixtures.template),
    listBundles: jest.fn(async () => []),
    listRegions: jest.fn(async () => []),
    listCategories: jest.fn(async () => ({ categories: [], elderTiles: [] })),
    me: jest.fn(async () => fixtures.profile),
    listLicences: jest.fn(async () => []),
    consentLicence: jest.fn(),
    ...extra,
  }
  // one double for every way the app reaches the platform (services/app.ts and services/app-client.ts)
  return { storage: memoryStorage(), tokens: createTokenStore(memoryStorage()), acting: {}, uploadProgress: createProgressRegistry(), platform, catalogueClient: platform, sessionClient: platform, messageClient: platform }
}
