export default definePageConfig({ navigationBarTitleText: '支部力量金字塔' });
