export default definePageConfig({ navigationBarTitleText: '徽章打卡' });
