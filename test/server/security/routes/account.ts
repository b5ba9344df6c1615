import type { RouteEntry } from '../route-table';

/** The caller's own account only: nothing in these routes names anyone else. */
export const accountRoutes: Record<string, RouteEntry> = {
  'POST /api/me/close-account': {
    access: 'signed-in',
    request: () => ({ url: '/api/me/close-account', payload: { confirm: '注销账号' } }),
  },
  'GET /api/me/data': { access: 'signed-in', request: () => ({ url: '/api/me/data' }) },
};
