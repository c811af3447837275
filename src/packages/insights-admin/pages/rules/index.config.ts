export default definePageConfig({ navigationBarTitleText: '分群与预警规则' })
