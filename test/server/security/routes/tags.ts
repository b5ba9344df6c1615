import { apiCall, once } from '../../../support/route-fixtures';
import type { Fixture, RouteEntry } from '../route-table';

/** A suggested tag the owner added, for the routes that change one. */
function suggestedTag(f: Fixture) {
  return once(f, 'suggested-tag', () =>
    apiCall<{ id: string }>(
      f.app,
      f.users.owner,
      'POST',
      `/api/communities/${f.communityId}/suggested-tags`,
      {
        tag: '手冲咖啡',
      },
    ),
  );
}

/** Tags: members read the cloud and the suggestions; owner and admins curate them. */
export const tagRoutes: Record<string, RouteEntry> = {
  'GET /api/communities/{communityId}/tags': {
    access: 'member',
    request: (f) => ({ url: `/api/communities/${f.communityId}/tags` }),
  },
  'GET /api/communities/{communityId}/tags/members': {
    access: 'member',
    request: (f) => ({ url: `/api/communities/${f.communityId}/tags/members`, query: { tag: '烘焙' } }),
  },
  'POST /api/communities/{communityId}/tags/merge': {
    access: 'admin',
    request: (f) => ({
      url: `/api/communities/${f.communityId}/tags/merge`,
      payload: { from: '拍照', into: '摄影' },
    }),
  },
  'GET /api/communities/{communityId}/suggested-tags': {
    access: 'member',
    request: (f) => ({ url: `/api/communities/${f.communityId}/suggested-tags` }),
  },
  'POST /api/communities/{communityId}/suggested-tags': {
    access: 'admin',
    request: (f) => ({ url: `/api/communities/${f.communityId}/suggested-tags`, payload: { tag: '短视频' } }),
  },
  'PATCH /api/communities/{communityId}/suggested-tags/{tagId}': {
    access: 'admin',
    request: async (f) => ({
      url: `/api/communities/${f.communityId}/suggested-tags/${(await suggestedTag(f)).id}`,
      payload: { hidden: true },
    }),
  },
};
