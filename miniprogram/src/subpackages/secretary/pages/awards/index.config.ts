export default definePageConfig({ navigationBarTitleText: '年终评优' });
