export default definePageConfig({ navigationBarTitleText: '新人欢迎', enablePullDownRefresh: true });
