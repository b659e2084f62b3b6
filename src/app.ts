import { PropsWithChildren, useEffect } from 'react'
import Taro from '@tarojs/taro'
import { useCatalogue, useDrafts, usePreferences, usePrivacy, useSession } from './stores/app'
import { catchUpDraftsNow, flushDrafts, startDraftSyncWhenSignedIn } from './stores/sync-start'
import { DEFAULT_REGION } from './stores/preferences'
import { draftsReady } from './stores/draft'
import { HOME_DEFAULT_KIND, homeListQuery } from './pages/index/home-query'
import './taro-styles'
import './styles/tokens.css'
import './app.css'

/**
 * H5 only: the data the opening page shows first is asked for now, while that page's code is still on its
 * way, instead of after it has rendered. The pages ask again as usual; the stores answer from the same
 * request (a list already loading, a template on its way).
 * - home: its catalogue list, when the region is already known (the citizen's choice, or 长沙市 when
 *   nobody is signed in; else the profile decides, after sign-in is checked);
 * - a journey page: the draft's template version, or the guide page's bundle.
 */
function prefetchOpeningPage(): void {
  const [route, search = ''] = window.location.hash.replace(/^#\/?/, '').split('?')
  const params = new URLSearchParams(search)
  const catalogue = useCatalogue.getState()
  if (!route || route === 'pages/index/index') {
    const region = usePreferences.getState().region?.code ?? (useSession.getState().status === 'signed-out' ? DEFAULT_REGION.code : undefined)
    if (region) void catalogue.loadBundles(homeListQuery(HOME_DEFAULT_KIND, region))
    return
  }
  if (!route.startsWith('pages/journey/')) return
  // a draft's template once the saved drafts are read (they may load late: stores/draft-reader.ts)
  if (params.get('draft')) void draftsReady(useDrafts).then(() => prefetchJourney(route, params))
  else prefetchJourney(route, params)
}

function prefetchJourney(route: string, params: URLSearchParams): void {
  const catalogue = useCatalogue.getState()
  const draft = useDrafts.getState().drafts[params.get('draft') ?? '']
  if (draft) void catalogue.loadTemplate(draft.content.bundleId, draft.content.templateVersion)
  else if (route === 'pages/journey/guide/index' && params.get('bundle')) void catalogue.loadTemplate(params.get('bundle') as string)
}

function App({ children }: PropsWithChildren) {
  // signed-in state comes back from the saved tokens; browsing never waits for it
  useEffect(() => {
    // drafts follow the citizen from every page: pushed shortly after each change and at once when the app
    // goes to the background (H5: the page is hidden or closed), pulled back in the foreground
    startDraftSyncWhenSignedIn()
    // H5: the page hidden or shown again, which is all Taro.onAppHide/onAppShow listen to there (their module and
    // Taro's API helpers would add 1.2 KB gzip to the first load)
    if (process.env.TARO_ENV === 'h5') document.addEventListener('visibilitychange', () => (document.visibilityState === 'hidden' ? flushDrafts() : catchUpDraftsNow()))
    else {
      Taro.onAppHide(flushDrafts)
      Taro.onAppShow(catchUpDraftsNow)
    }
    void useSession.getState().restore()
    if (process.env.TARO_ENV === 'h5') prefetchOpeningPage()
    // WeChat 关怀模式 or a large font setting: start in 长辈版 unless the citizen chose otherwise
    if (process.env.TARO_ENV === 'weapp') {
      // personal-information APIs wait for the citizen's answer to our prompt (Frame shows it)
      Taro.onNeedPrivacyAuthorization((resolve, info) => {
        resolve({ event: 'exposureAuthorization' })
        usePrivacy.getState().ask(info?.referrer ?? '', (answer) => resolve(answer))
      })
      try {
        usePreferences.getState().adoptSystemFontSize((Taro.getAppBaseInfo() as { fontSizeSetting?: number }).fontSizeSetting)
      } catch {
        // older base library: the switch on the home page still works
      }
    }
  }, [])
  return children
}

export default App
