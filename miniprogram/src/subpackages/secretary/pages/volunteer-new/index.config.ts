export default definePageConfig({ navigationBarTitleText: '新建志愿活动' });
