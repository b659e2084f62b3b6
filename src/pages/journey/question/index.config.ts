export default definePageConfig({ navigationBarTitleText: '回答问题' })
