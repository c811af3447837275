export default definePageConfig({ navigationBarTitleText: '登记门禁设备' })
