export default definePageConfig({ navigationBarTitleText: '标签', enablePullDownRefresh: true });
