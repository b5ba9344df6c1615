import type { RouteEntry } from '../route-table';

/** Profiles: every member reads and edits their own profile and reads the others'. */
export const profileRoutes: Record<string, RouteEntry> = {
  'GET /api/communities/{communityId}/members/me': {
    access: 'member',
    request: (f) => ({ url: `/api/communities/${f.communityId}/members/me` }),
  },
  'PATCH /api/communities/{communityId}/members/me': {
    access: 'member',
    request: (f) => ({
      url: `/api/communities/${f.communityId}/members/me`,
      payload: { bio: '每周学一个小技巧', tags: ['烘焙', '摄影'] },
    }),
  },
  'GET /api/communities/{communityId}/members/similar': {
    access: 'member',
    request: (f) => ({ url: `/api/communities/${f.communityId}/members/similar`, query: { limit: '10' } }),
  },
  'GET /api/communities/{communityId}/members/{userId}': {
    access: 'member',
    request: (f) => ({ url: `/api/communities/${f.communityId}/members/${f.users.owner.user.id}` }),
  },
};
