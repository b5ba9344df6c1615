import { linkedPages } from '@/domain/page-paths';

/** Page paths in one place, for navigation calls and share cards. Tab pages are opened with switchTab. */
export const routes = {
  home: linkedPages.home,
  me: linkedPages.me,
  login: '/pages/login/index',
  createCommunity: '/pages/community-create/index',
  joinCommunity: '/pages/community-join/index',
  ownerSettings: '/owner/settings/index',
  ownerJoinRequests: linkedPages.joinRequests,
} as const;

export function joinCommunityPath(inviteCode: string): string {
  return `${routes.joinCommunity}?code=${encodeURIComponent(inviteCode)}`;
}

/** Rebuilds a page's URL from Taro's router info, leaving out Taro's own bookkeeping params. */
export function pageUrl(path: string, params: Partial<Record<string, string>>): string {
  const query = Object.entries(params)
    .filter(([key, value]) => value !== undefined && !key.startsWith('$') && key !== 'stamp')
    .map(([key, value]) => `${key}=${encodeURIComponent(value!)}`)
    .join('&');
  const bare = path.split('?')[0];
  return query ? `${bare}?${query}` : bare;
}

/** The login page returns to where the visitor was, e.g. a shared join link; only our own pages count. */
export function loginPath(returnTo: string): string {
  return `${routes.login}?returnTo=${encodeURIComponent(returnTo)}`;
}

/** The folders our pages live in: the main package (pages/) and the subpackages (member/, owner/). */
export const ownPagePattern = /^\/(pages|member|owner)\//;

export function safeReturnTo(returnTo: string | undefined): string {
  if (!returnTo) return routes.home;
  const decoded = decodeURIComponent(returnTo);
  const isOwnPage = ownPagePattern.test(decoded) && !decoded.startsWith(routes.login);
  return isOwnPage ? decoded : routes.home;
}
