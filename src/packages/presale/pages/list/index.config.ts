export default definePageConfig({ navigationBarTitleText: '邻里严选', enablePullDownRefresh: true })
