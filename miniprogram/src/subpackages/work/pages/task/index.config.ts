export default definePageConfig({ navigationBarTitleText: '支部任务', enableShareAppMessage: true });
