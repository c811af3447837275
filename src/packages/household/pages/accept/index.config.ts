export default definePageConfig({ navigationBarTitleText: '加入房屋' })
