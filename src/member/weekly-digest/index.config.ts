export default definePageConfig({ navigationBarTitleText: '本周群周报', enablePullDownRefresh: true });
