import { ROUTES, TABS } from './stores/routes'
import { colour } from './styles/tokens'

const h5 = process.env.TARO_ENV === 'h5'
// The four tabs, WeChat's way: native tab bar pages live in the main package and take no query.
const tabs = TABS.map((t) => ({ pagePath: ROUTES[t.name].slice(1), text: t.text, icon: t.icon }))

export default defineAppConfig({
  pages: ['pages/index/index', 'pages/my-cases/index', 'pages/messages/index', 'pages/me/index', 'pages/login/index', 'pages/privacy/index'],
  subPackages: [
    { root: 'pages/journey', pages: ['guide/index', 'question/index', 'form/index', 'materials/index', 'delivery/index', 'review/index', 'drafts/index', 'done/index', 'confirm/index'] },
    { root: 'pages/account', pages: ['licences/index', 'help/index', 'family/index', 'grants/index', 'booking/index', 'consult/index', 'question/index'] },
    { root: 'pages/cases', pages: ['detail/index', 'supplement/index'] },
    { root: 'pages/staff', pages: ['home/index'] },
  ],
  tabBar: {
    // H5: the app's own tab bar (components/TabBar.tsx, keyboard and screen-reader ready) instead of Taro's
    // web component, which would add 16.7 KB gzip of Stencil to the first load; Taro's router still treats
    // these pages as tabs (kept alive, switchTab).
    custom: h5,
    color: colour.muted,
    selectedColor: colour.brand,
    backgroundColor: colour.surface,
    borderStyle: 'black',
    list: tabs.map((t) =>
      h5
        ? { pagePath: t.pagePath, text: t.text }
        : { pagePath: t.pagePath, text: t.text, iconPath: `assets/tab/${t.icon}.png`, selectedIconPath: `assets/tab/${t.icon}-active.png` },
    ),
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: colour.surface,
    navigationBarTitleText: '湖南一件事一次办',
    navigationBarTextStyle: 'black',
    backgroundColor: colour.bg,
  },
  // H5: pages change at once, without Taro's 300 ms slide: nothing moves for people who asked for less motion,
  // and no page sits off-screen beside the shown one (it widened the layout while it slid away)
  ...(h5 ? { animation: false } : {}),
  // the journey's code starts downloading while the citizen looks at the home page (any network)
  preloadRule: { 'pages/index/index': { network: 'all', packages: ['pages/journey'] } },
  lazyCodeLoading: 'requiredComponents',
})
