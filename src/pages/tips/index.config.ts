export default definePageConfig({ navigationBarTitleText: '技巧' });
