export default definePageConfig({ navigationBarTitleText: '荣誉墙', enableShareAppMessage: true });
