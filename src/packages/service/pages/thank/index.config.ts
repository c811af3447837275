export default definePageConfig({ navigationBarTitleText: '写表扬信' })
