/** The owner's dashboard and 新人欢迎 live in the owner subpackage: members never download it. */
export const dashboardPages = {
  dashboard: '/owner/dashboard/index',
  welcome: '/owner/welcome/index',
} as const;
