export default definePageConfig({ navigationBarTitleText: '我的访客', enablePullDownRefresh: true })
