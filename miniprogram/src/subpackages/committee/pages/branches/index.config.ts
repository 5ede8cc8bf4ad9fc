export default definePageConfig({ navigationBarTitleText: '党委管理' });
