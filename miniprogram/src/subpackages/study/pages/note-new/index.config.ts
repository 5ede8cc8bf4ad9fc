export default definePageConfig({ navigationBarTitleText: '写学习心得' });
