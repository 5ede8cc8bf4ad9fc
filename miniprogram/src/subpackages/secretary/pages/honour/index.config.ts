export default definePageConfig({ navigationBarTitleText: '荣誉墙确认' });
