export default definePageConfig({ navigationBarTitleText: '发起主题党日' });
