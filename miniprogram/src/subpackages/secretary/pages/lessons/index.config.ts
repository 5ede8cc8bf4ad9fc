export default definePageConfig({ navigationBarTitleText: '微型党课' });
