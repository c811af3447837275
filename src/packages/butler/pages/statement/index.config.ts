export default definePageConfig({ navigationBarTitleText: '结算单明细', enablePullDownRefresh: true })
