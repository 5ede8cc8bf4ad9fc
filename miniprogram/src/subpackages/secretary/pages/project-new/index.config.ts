export default definePageConfig({ navigationBarTitleText: '新建攻坚项目' });
