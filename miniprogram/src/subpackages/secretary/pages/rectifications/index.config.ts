export default definePageConfig({ navigationBarTitleText: '三单整改' });
