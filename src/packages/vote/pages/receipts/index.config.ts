export default definePageConfig({ navigationBarTitleText: '计票凭证' })
