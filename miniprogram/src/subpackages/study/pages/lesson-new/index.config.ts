export default definePageConfig({ navigationBarTitleText: '录制党课' });
