/**
 * The pages a server notice can point to. The mini program navigates to them and the server writes
 * them into notices and subscribe messages, so both read them from here.
 */
export const linkedPages = {
  home: '/pages/index/index',
  tips: '/pages/tips/index',
  sessions: '/pages/sessions/index',
  promotions: '/pages/promotions/index',
  me: '/pages/me/index',
  tip: '/member/tip/index',
  session: '/member/session/index',
  joinRequests: '/owner/join-requests/index',
} as const;

export function tipPath(tipId: string): string {
  return `${linkedPages.tip}?id=${encodeURIComponent(tipId)}`;
}

export function sessionPath(sessionId: string): string {
  return `${linkedPages.session}?id=${encodeURIComponent(sessionId)}`;
}
