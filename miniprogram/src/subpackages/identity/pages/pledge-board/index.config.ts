export default definePageConfig({ navigationBarTitleText: '承诺公开栏' });
