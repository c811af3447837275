export default definePageConfig({ navigationBarTitleText: '设备通行记录', enablePullDownRefresh: true })
