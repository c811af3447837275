export default definePageConfig({ navigationBarTitleText: '预售看板', enablePullDownRefresh: true })
