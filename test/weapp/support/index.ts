// The headless WeChat runtime, for tests and scripts that run the WeChat build (dist/weapp, `npm run build:weapp`).
//
//   const platform = await startMockPlatform()            // or any running mock: its URL is all that is needed
//   const app = await WeappRuntime.launch({ platformUrl: platform.url, account: { loginCode: 'dev-citizen-1' } })
//   await app.waitForPage('pages/index/index', '一件事一次办')
//   await app.type(await app.getByRole('combobox', '搜索一件事'), '餐饮')
//   await app.tap('搜索')                                  // the one button named 搜索
//   app.text(); app.stack(); app.navigationBar(); app.log.requests; app.log.toasts; app.modal()
//   const again = await app.relaunch()                     // same storage and WeChat account
//   await again.close(); again.assertHealthy()             // exceptions, console.error, unknown wx APIs …
//
// Journeys (WeappDriver: choose, check, fill, press, answer, upload, consent …) are in journeys.ts; every page
// opened with the app's own queries in visits.ts. What it models and cannot prove: docs/decisions.md.
export { WeappRuntime, SCENES, MAX_PAGES, SET_DATA_LIMIT, type LaunchOptions, type PageRecord } from './runtime'
export { startMockPlatform, type MockPlatform } from './platform'
export { WeappDriver, ROUTES, PDF, restaurant, newborn } from './journeys'
export type { WxElement, TextMatcher } from './view'
export { STORAGE_ITEM_LIMIT, STORAGE_TOTAL_LIMIT, PRIVACY_APIS, type TestFile, type Device, type WechatAccount } from './wx'
