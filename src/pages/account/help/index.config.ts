export default definePageConfig({ navigationBarTitleText: '帮助与客服' })
