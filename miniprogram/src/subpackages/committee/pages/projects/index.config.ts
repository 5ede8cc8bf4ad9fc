export default definePageConfig({ navigationBarTitleText: '攻坚项目总览' });
