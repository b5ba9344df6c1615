export default definePageConfig({ navigationBarTitleText: '推广', enablePullDownRefresh: true });
