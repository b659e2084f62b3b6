export default definePageConfig({ navigationBarTitleText: '授权与查看记录' })
