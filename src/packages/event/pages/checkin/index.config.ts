export default definePageConfig({ navigationBarTitleText: '签到核销' })
