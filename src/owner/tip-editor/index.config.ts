export default definePageConfig({ navigationBarTitleText: '发布技巧' });
