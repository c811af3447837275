export default definePageConfig({ navigationBarTitleText: '新服务创意墙', enablePullDownRefresh: true })
