import type { RouteEntry } from '../route-table';

export const dashboardRoutes: Record<string, RouteEntry> = {
  'GET /api/communities/{communityId}/dashboard': {
    access: 'admin',
    request: (f) => ({ url: `/api/communities/${f.communityId}/dashboard` }),
  },
  'GET /api/communities/{communityId}/welcome-digest': {
    access: 'secretary',
    request: (f) => ({ url: `/api/communities/${f.communityId}/welcome-digest` }),
  },
};
