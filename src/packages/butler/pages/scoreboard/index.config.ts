export default definePageConfig({ navigationBarTitleText: '本周排行', enablePullDownRefresh: true })
