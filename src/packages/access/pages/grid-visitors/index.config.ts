export default definePageConfig({ navigationBarTitleText: '网格访客', enablePullDownRefresh: true })
