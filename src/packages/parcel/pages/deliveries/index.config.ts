export default definePageConfig({ navigationBarTitleText: '快递送货上门', enablePullDownRefresh: true })
