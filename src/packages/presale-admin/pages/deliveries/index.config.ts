export default definePageConfig({ navigationBarTitleText: '预售配送' })
