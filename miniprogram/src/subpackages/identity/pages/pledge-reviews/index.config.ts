export default definePageConfig({ navigationBarTitleText: '践诺评议' });
