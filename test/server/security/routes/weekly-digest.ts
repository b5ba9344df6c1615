import { weekStartOf } from '../../../../src/domain/china-weeks';
import { apiCall, once } from '../../../support/route-fixtures';
import type { Fixture, RouteEntry } from '../route-table';

/** This week's digest, with a tip published this week in it, shared by the owner: members can read it. */
function sharedDigestUrl(f: Fixture, rest = '') {
  return once(f, 'weekly-digest:shared', async () => {
    const weekStart = weekStartOf(new Date());
    await apiCall(f.app, f.users.owner, 'POST', `/api/communities/${f.communityId}/tips`, {
      title: '红薯烤得更甜的办法',
      body: '烤之前先用锡纸包好，小火慢烤四十分钟。',
      steps: ['锡纸包好', '小火慢烤'],
      tags: ['烘焙'],
      minutes: 40,
    });
    const url = `/api/communities/${f.communityId}/weekly-digests/${weekStart}`;
    await apiCall(f.app, f.users.owner, 'POST', `${url}/share`, {});
    return url;
  }).then((url) => `${url}${rest}`);
}

/**
 * 本周群周报: members read what the team shared; the team (owner, admins, secretary) previews any
 * week, writes the intro line and shares it.
 */
export const weeklyDigestRoutes: Record<string, RouteEntry> = {
  'GET /api/communities/{communityId}/weekly-digests/latest': {
    access: 'member',
    request: (f) => ({ url: `/api/communities/${f.communityId}/weekly-digests/latest` }),
  },
  'GET /api/communities/{communityId}/weekly-digests/{weekStart}': {
    access: 'member',
    request: async (f) => ({ url: await sharedDigestUrl(f) }),
  },
  'PUT /api/communities/{communityId}/weekly-digests/{weekStart}/intro': {
    access: 'secretary',
    request: async (f) => ({
      url: await sharedDigestUrl(f, '/intro'),
      payload: { intro: '这周大家都在烤红薯，挑一个技巧试试吧！' },
    }),
  },
  'POST /api/communities/{communityId}/weekly-digests/{weekStart}/share': {
    access: 'secretary',
    request: async (f) => ({ url: await sharedDigestUrl(f, '/share'), payload: {} }),
  },
};
