export default definePageConfig({ navigationBarTitleText: '佣金结算单', enablePullDownRefresh: true })
