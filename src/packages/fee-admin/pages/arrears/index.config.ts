export default definePageConfig({ navigationBarTitleText: '欠费户' })
