export default definePageConfig({ navigationBarTitleText: '预售配送', enablePullDownRefresh: true })
