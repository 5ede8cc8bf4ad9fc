export default definePageConfig({ navigationBarTitleText: '党课海报' });
