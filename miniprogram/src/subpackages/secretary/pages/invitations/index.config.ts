export default definePageConfig({ navigationBarTitleText: '邀请入支部', enableShareAppMessage: true });
