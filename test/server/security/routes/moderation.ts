import { apiCall, once } from '../../../support/route-fixtures';
import type { Fixture, RouteEntry } from '../route-table';

let tipCount = 0;

/** A tip the owner published, fresh each time: every report and decision needs its own. */
function freshTip(f: Fixture) {
  tipCount += 1;
  return apiCall<{ id: string }>(f.app, f.users.owner, 'POST', `/api/communities/${f.communityId}/tips`, {
    title: `被举报的技巧${tipCount}`,
    body: '这一条写得不太合适。',
    steps: ['第一步'],
    tags: ['烘焙'],
    minutes: 5,
  });
}

/** A member's open report of a fresh tip. */
async function openReport(f: Fixture) {
  const tip = await freshTip(f);
  return apiCall<{ id: string }>(f.app, f.users.member, 'POST', `/api/communities/${f.communityId}/reports`, {
    targetKind: 'tip',
    targetId: tip.id,
    reason: '内容像广告',
  });
}

/** 举报: any member reports; the team (secretary and up) works the queue. */
export const moderationRoutes: Record<string, RouteEntry> = {
  'POST /api/communities/{communityId}/reports': {
    access: 'member',
    request: async (f) => ({
      url: `/api/communities/${f.communityId}/reports`,
      payload: {
        targetKind: 'tip',
        targetId: (await once(f, 'report:tip', () => freshTip(f))).id,
        reason: '内容像广告',
      },
    }),
  },
  'GET /api/communities/{communityId}/reports': {
    access: 'secretary',
    request: (f) => ({ url: `/api/communities/${f.communityId}/reports` }),
  },
  'POST /api/reports/{reportId}/decision': {
    access: 'secretary',
    request: async (f) => ({
      url: `/api/reports/${(await openReport(f)).id}/decision`,
      payload: { action: 'hide' },
    }),
  },
};
