export default definePageConfig({ navigationBarTitleText: '公告阅读情况' })
