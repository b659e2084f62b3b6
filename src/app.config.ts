export default defineAppConfig({
  pages: ['pages/index/index', 'pages/login/index'],
  subPackages: [
    { root: 'pages/journey', pages: ['guide/index', 'question/index', 'form/index', 'materials/index', 'delivery/index', 'review/index', 'drafts/index', 'done/index'] },
    { root: 'pages/cases', pages: ['list/index', 'detail/index', 'supplement/index', 'messages/index'] },
    { root: 'pages/staff', pages: ['home/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '湖南一件事一次办',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
  },
  lazyCodeLoading: 'requiredComponents',
})
