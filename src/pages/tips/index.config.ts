export default definePageConfig({ navigationBarTitleText: '技巧', enablePullDownRefresh: true });
