export default definePageConfig({ navigationBarTitleText: '业务目标' });
