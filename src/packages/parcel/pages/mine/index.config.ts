export default definePageConfig({ navigationBarTitleText: '我的快递', enablePullDownRefresh: true })
