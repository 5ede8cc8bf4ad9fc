export default definePageConfig({ navigationBarTitleText: '下发三单' });
