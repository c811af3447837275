export default definePageConfig({ navigationBarTitleText: '快递取件核销', enablePullDownRefresh: true })
