export default defineAppConfig({
  pages: ['pages/index/index', 'pages/login/index', 'pages/privacy/index'],
  subPackages: [
    { root: 'pages/journey', pages: ['guide/index', 'question/index', 'form/index', 'materials/index', 'delivery/index', 'review/index', 'drafts/index', 'done/index', 'confirm/index'] },
    { root: 'pages/cases', pages: ['list/index', 'detail/index', 'supplement/index', 'messages/index'] },
    { root: 'pages/staff', pages: ['home/index'] },
    { root: 'pages/account', pages: ['grants/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '湖南一件事一次办',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
  },
  // the journey's code starts downloading while the citizen looks at the home page (any network)
  preloadRule: { 'pages/index/index': { network: 'all', packages: ['pages/journey'] } },
  lazyCodeLoading: 'requiredComponents',
})
