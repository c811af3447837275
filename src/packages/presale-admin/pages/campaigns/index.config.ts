export default definePageConfig({ navigationBarTitleText: '预售管理', enablePullDownRefresh: true })
