export default definePageConfig({ navigationBarTitleText: '填写信息' })
