export default definePageConfig({
  navigationBarTitleText: '技巧',
  enablePullDownRefresh: true,
  // Without this WeChat ignores useShareAppMessage and the share menu stays grey.
  enableShareAppMessage: true,
});
