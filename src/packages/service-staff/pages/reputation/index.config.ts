export default definePageConfig({ navigationBarTitleText: '师傅口碑' })
