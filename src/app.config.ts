export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/tips/index',
    'pages/sessions/index',
    'pages/promotions/index',
    'pages/me/index',
    'pages/login/index',
    'pages/community-create/index',
    'pages/community-join/index',
  ],
  // Owner tools load only when a 群主 opens them, so members never download them.
  subPackages: [{ root: 'owner', pages: ['settings/index'] }],
  window: {
    navigationBarTitleText: '群友圈',
    navigationBarBackgroundColor: '#f7f7f7',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f7f7f7',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#7f7f7f',
    selectedColor: '#07c160',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/tips/index', text: '技巧' },
      { pagePath: 'pages/sessions/index', text: '活动' },
      { pagePath: 'pages/promotions/index', text: '推广' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
});
