export default definePageConfig({ navigationBarTitleText: '发布学习要点' });
