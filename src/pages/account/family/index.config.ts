// the share button sends the app to a chat: Taro adds onShareAppMessage for the page's hook
export default definePageConfig({ navigationBarTitleText: '请家人帮我办', enableShareAppMessage: true })
