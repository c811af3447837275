export default definePageConfig({ navigationBarTitleText: '激励预算' })
