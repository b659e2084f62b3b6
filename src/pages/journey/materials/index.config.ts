export default definePageConfig({ navigationBarTitleText: '准备材料' })
