export default definePageConfig({ navigationBarTitleText: '社群看板', enablePullDownRefresh: true });
