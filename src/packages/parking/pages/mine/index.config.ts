export default definePageConfig({ navigationBarTitleText: '我的车位', enablePullDownRefresh: true })
