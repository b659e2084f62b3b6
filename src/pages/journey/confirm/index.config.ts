export default definePageConfig({ navigationBarTitleText: '确认他人发起的申请' })
