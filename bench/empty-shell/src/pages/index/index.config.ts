export default definePageConfig({ navigationBarTitleText: '空壳' })
