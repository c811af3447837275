export default definePageConfig({ navigationBarTitleText: '编辑预售' })
