export default definePageConfig({ navigationBarTitleText: '门禁设备', enablePullDownRefresh: true })
