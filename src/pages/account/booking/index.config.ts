export default definePageConfig({ navigationBarTitleText: '预约到窗口办理' })
