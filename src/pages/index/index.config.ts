export default definePageConfig({ navigationBarTitleText: '湖南一件事一次办' })
