export default definePageConfig({ navigationBarTitleText: '重温入党誓词', pageOrientation: 'auto' });
