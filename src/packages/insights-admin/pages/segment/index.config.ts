export default definePageConfig({ navigationBarTitleText: '住户分群' })
