import { apiCall, once } from '../../../support/route-fixtures';
import type { Fixture, RouteEntry } from '../route-table';

function sessionWithSignup(f: Fixture) {
  return once(f, 'export:session', async () => {
    const session = await apiCall<{ id: string }>(
      f.app,
      f.users.owner,
      'POST',
      `/api/communities/${f.communityId}/sessions`,
      {
        title: '周六烘焙课',
        startsAt: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(),
        durationMinutes: 60,
        mode: 'offline',
        address: '社区活动室',
        capacity: 10,
      },
    );
    await apiCall(f.app, f.users.member, 'POST', `/api/sessions/${session.id}/signups`, {});
    return session;
  });
}

/** Spreadsheets leave the app with members' names: only the team exports, and sees the export log. */
export const exportRoutes: Record<string, RouteEntry> = {
  'GET /api/sessions/{sessionId}/export': {
    access: 'secretary',
    request: async (f) => ({ url: `/api/sessions/${(await sessionWithSignup(f)).id}/export` }),
  },
  'GET /api/communities/{communityId}/members/export': {
    access: 'secretary',
    request: (f) => ({ url: `/api/communities/${f.communityId}/members/export` }),
  },
  'GET /api/communities/{communityId}/exports': {
    access: 'secretary',
    request: (f) => ({ url: `/api/communities/${f.communityId}/exports` }),
  },
};
