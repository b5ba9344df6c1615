export default definePageConfig({ navigationBarTitleText: '投稿与审核' });
