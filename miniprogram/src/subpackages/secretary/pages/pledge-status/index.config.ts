export default definePageConfig({ navigationBarTitleText: '承诺践诺情况' });
