export default definePageConfig({ navigationBarTitleText: '社区公告' })
