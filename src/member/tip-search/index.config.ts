export default definePageConfig({ navigationBarTitleText: '搜索技巧' });
