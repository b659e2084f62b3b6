export default defineAppConfig({
  pages: ['pages/index/index'],
  subPackages: [
    { root: 'pages/journey', pages: ['guide/index'] },
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
