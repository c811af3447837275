export default definePageConfig({ navigationBarTitleText: '停车缴费', enablePullDownRefresh: true })
