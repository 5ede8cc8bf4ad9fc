export default definePageConfig({ navigationBarTitleText: '党建和创总览' });
