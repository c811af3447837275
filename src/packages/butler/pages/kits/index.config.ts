export default definePageConfig({ navigationBarTitleText: '话术工具包', enablePullDownRefresh: true })
