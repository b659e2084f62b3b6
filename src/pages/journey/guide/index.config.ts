// share to a chat (转发) and to 朋友圈: Taro adds onShareAppMessage / onShareTimeline for the page's hooks
export default definePageConfig({ navigationBarTitleText: '办事指南', enableShareAppMessage: true, enableShareTimeline: true })
