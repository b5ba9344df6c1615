import { isDevLoginEnabled } from './features/auth/dev-login-enabled';

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/tips/index',
    'pages/sessions/index',
    'pages/promotions/index',
    'pages/me/index',
    // The demo-user login exists only in the H5 build with dev login on: WeChat signs in silently.
    ...(isDevLoginEnabled() ? ['pages/login/index'] : []),
  ],
  // The main package holds only the tab pages: WeChat downloads it before the first screen. The way
  // in (create, join) loads when a newcomer opens it; owner tools when a 群主 opens them.
  subPackages: [
    {
      root: 'entry',
      pages: ['community-create/index', 'community-join/index'],
    },
    {
      root: 'member',
      pages: [
        'tip/index',
        'session/index',
        'profile/index',
        'profile/edit',
        'people-like-me/index',
        'tag/index',
        'inbox/index',
        'weekly-digest/index',
        'tip-search/index',
        'promotion-request/index',
        'privacy/index',
        'account/index',
        'check-in-pass/index',
        'report/index',
      ],
    },
    {
      root: 'owner',
      pages: [
        'settings/index',
        'tags/index',
        'promotion-review/index',
        'promotion-rules/index',
        'tip-editor/index',
        'tip-review/index',
        'session-editor/index',
        'attendance/index',
        'dashboard/index',
        'welcome/index',
        'join-requests/index',
        'members/index',
        'reports/index',
      ],
    },
  ],
  // Every tab page opens member pages (a tip, a session, a profile), so fetch them in the background;
  // 首页 is where a newcomer finds 创建社群 and 加入社群.
  preloadRule: Object.fromEntries(
    ['index', 'tips', 'sessions', 'promotions', 'me'].map((tab) => [
      `pages/${tab}/index`,
      { network: 'all', packages: tab === 'index' ? ['member', 'entry'] : ['member'] },
    ]),
  ),
  // WeChat holds calls that touch personal information until the member agrees to 隐私保护指引,
  // and lets our own popup ask (src/components/privacy-popup.tsx). Not an H5 setting.
  ...(process.env.TARO_ENV === 'weapp' ? { __usePrivacyCheck__: true } : {}),
  window: {
    // WeChat's own bar in the mini program; in the browser build it makes Taro draw the same bar
    // (the page's title, and 返回 or 首页 on pages that are not tabs), otherwise absent there.
    navigationStyle: 'default',
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
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-selected.png',
      },
      {
        pagePath: 'pages/tips/index',
        text: '技巧',
        iconPath: 'assets/tab/tips.png',
        selectedIconPath: 'assets/tab/tips-selected.png',
      },
      {
        pagePath: 'pages/sessions/index',
        text: '活动',
        iconPath: 'assets/tab/sessions.png',
        selectedIconPath: 'assets/tab/sessions-selected.png',
      },
      {
        pagePath: 'pages/promotions/index',
        text: '推广',
        iconPath: 'assets/tab/promotions.png',
        selectedIconPath: 'assets/tab/promotions-selected.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-selected.png',
      },
    ],
  },
});
