/**
 * Every page of the mini program, one name each. The client navigates and shares with these, and the
 * server writes them into notices and subscribe messages, so both read them from here. A page that
 * takes a query has a function that builds its URL.
 */
export const pagePaths = {
  // Main package: the tab pages (and the H5 demo login).
  home: '/pages/index/index',
  tips: '/pages/tips/index',
  sessions: '/pages/sessions/index',
  promotions: '/pages/promotions/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  // entry/: the way in, for newcomers.
  createCommunity: '/entry/community-create/index',
  joinCommunity: '/entry/community-join/index',
  // member/: pages off the first screen.
  tip: '/member/tip/index',
  session: '/member/session/index',
  memberProfile: '/member/profile/index',
  editProfile: '/member/profile/edit',
  peopleLikeMe: '/member/people-like-me/index',
  tag: '/member/tag/index',
  inbox: '/member/inbox/index',
  weeklyDigest: '/member/weekly-digest/index',
  tipSearch: '/member/tip-search/index',
  promotionRequest: '/member/promotion-request/index',
  privacyGuide: '/member/privacy/index',
  account: '/member/account/index',
  checkInPass: '/member/check-in-pass/index',
  report: '/member/report/index',
  // owner/: the team's tools.
  settings: '/owner/settings/index',
  tagCuration: '/owner/tags/index',
  promotionReview: '/owner/promotion-review/index',
  promotionRules: '/owner/promotion-rules/index',
  tipEditor: '/owner/tip-editor/index',
  tipReview: '/owner/tip-review/index',
  sessionEditor: '/owner/session-editor/index',
  attendance: '/owner/attendance/index',
  dashboard: '/owner/dashboard/index',
  welcome: '/owner/welcome/index',
  joinRequests: '/owner/join-requests/index',
  members: '/owner/members/index',
  reports: '/owner/reports/index',
} as const;

/** Tab pages are opened with switchTab, which drops the query; navigateTo cannot open them. */
export const tabPages: readonly string[] = [
  pagePaths.home,
  pagePaths.tips,
  pagePaths.sessions,
  pagePaths.promotions,
  pagePaths.me,
];

/** The folders our pages live in: the main package (pages/) and the subpackages (entry/, member/, owner/). */
export const ownPagePattern = /^\/(pages|entry|member|owner)\//;

/** A page's URL with its query; undefined values and Taro's own bookkeeping params (`$...`, stamp) are left out. */
export function pageUrl(path: string, params: Partial<Record<string, string>>): string {
  const query = Object.entries(params)
    .filter(([key, value]) => value !== undefined && !key.startsWith('$') && key !== 'stamp')
    .map(([key, value]) => `${key}=${encodeURIComponent(value!)}`)
    .join('&');
  const bare = path.split('?')[0];
  return query ? `${bare}?${query}` : bare!;
}

export const tipPath = (tipId: string) => pageUrl(pagePaths.tip, { id: tipId });
export const sessionPath = (sessionId: string) => pageUrl(pagePaths.session, { id: sessionId });
export const memberProfilePath = (userId: string) => pageUrl(pagePaths.memberProfile, { userId });
export const tagPath = (tag: string) => pageUrl(pagePaths.tag, { tag });
/** 申请推广 for a slot; with `requestId`, editing that pending request of mine. */
export const promotionRequestPath = ({ slotId, requestId }: { slotId: string; requestId?: string }) =>
  pageUrl(pagePaths.promotionRequest, { slot: slotId, request: requestId });
/** 举报 of a tip, a note (`authorId` names its writer) or a promotion, from a tab page. */
export const reportPath = (
  communityId: string,
  target: { targetKind: string; targetId: string; authorId?: string },
) => pageUrl(pagePaths.report, { communityId, ...target });
/** The editor for a new tip, or for editing one. */
export const tipEditorPath = (tipId?: string) => pageUrl(pagePaths.tipEditor, { id: tipId });
export const sessionEditorPath = (sessionId?: string) => pageUrl(pagePaths.sessionEditor, { id: sessionId });
/** 本周群周报 of a week (its Monday, `YYYY-MM-DD`); without one, this week's. */
export const weeklyDigestPath = (weekStart?: string) => pageUrl(pagePaths.weeklyDigest, { week: weekStart });
export const attendancePath = (sessionId: string) => pageUrl(pagePaths.attendance, { id: sessionId });

/** The login page returns to where the visitor was, e.g. a shared join link. */
export const loginPath = (returnTo: string) => pageUrl(pagePaths.login, { returnTo });

/** Where to go after login: only our own pages count, anything else goes home. */
export function safeReturnTo(returnTo: string | undefined): string {
  if (!returnTo) return pagePaths.home;
  const decoded = decodeURIComponent(returnTo);
  const isOwnPage = ownPagePattern.test(decoded) && !decoded.startsWith(pagePaths.login);
  return isOwnPage ? decoded : pagePaths.home;
}
