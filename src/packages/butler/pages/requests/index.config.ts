export default definePageConfig({ navigationBarTitleText: '入户申请审核', enablePullDownRefresh: true })
