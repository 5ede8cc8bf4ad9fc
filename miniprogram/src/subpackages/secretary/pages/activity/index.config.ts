export default definePageConfig({ navigationBarTitleText: '主题党日管理', pageOrientation: 'auto' });
