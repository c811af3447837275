export default definePageConfig({ navigationBarTitleText: '意向登记', enablePullDownRefresh: true })
