export default definePageConfig({ navigationBarTitleText: '低分回访' })
