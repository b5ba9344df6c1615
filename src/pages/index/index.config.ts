export default definePageConfig({
  navigationBarTitleText: '群友圈',
  enablePullDownRefresh: true,
  // Without this WeChat ignores useShareAppMessage and the share menu stays grey.
  enableShareAppMessage: true,
});
