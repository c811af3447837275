export default definePageConfig({ navigationBarTitleText: '户档案', enablePullDownRefresh: true })
