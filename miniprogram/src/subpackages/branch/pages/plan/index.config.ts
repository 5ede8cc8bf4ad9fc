export default definePageConfig({ navigationBarTitleText: '计划上墙' });
