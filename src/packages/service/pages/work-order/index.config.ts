export default definePageConfig({ navigationBarTitleText: '工单进度', enablePullDownRefresh: true })
