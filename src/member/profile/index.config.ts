export default definePageConfig({ navigationBarTitleText: '群友资料', enablePullDownRefresh: true });
