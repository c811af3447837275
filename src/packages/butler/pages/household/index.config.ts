export default definePageConfig({ navigationBarTitleText: '住户档案' })
