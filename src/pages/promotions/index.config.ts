export default definePageConfig({
  navigationBarTitleText: '推广',
  enablePullDownRefresh: true,
  // Without this WeChat ignores useShareAppMessage (my promotion's card) and the share menu stays grey.
  enableShareAppMessage: true,
});
