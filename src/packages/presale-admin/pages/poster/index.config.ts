export default definePageConfig({ navigationBarTitleText: '预售海报' })
