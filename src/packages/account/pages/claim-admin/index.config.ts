export default definePageConfig({ navigationBarTitleText: '物业公司初始化' })
