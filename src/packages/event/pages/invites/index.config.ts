export default definePageConfig({ navigationBarTitleText: '我的活动邀请', enablePullDownRefresh: true })
