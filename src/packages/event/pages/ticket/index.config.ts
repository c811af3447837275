export default definePageConfig({ navigationBarTitleText: '电子票', navigationBarBackgroundColor: '#0b6b54' })
