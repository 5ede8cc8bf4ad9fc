export default definePageConfig({ navigationBarTitleText: '支部对比' });
