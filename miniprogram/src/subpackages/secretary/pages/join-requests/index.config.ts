export default definePageConfig({ navigationBarTitleText: '入支部申请' });
