export default definePageConfig({ navigationBarTitleText: '和我相似的人', enablePullDownRefresh: true });
