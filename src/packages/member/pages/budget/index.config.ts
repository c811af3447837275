export default definePageConfig({ navigationBarTitleText: '发放激励' })
