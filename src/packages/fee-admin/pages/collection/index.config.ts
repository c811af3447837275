export default definePageConfig({ navigationBarTitleText: '收缴率' })
