import { eq, sql } from 'drizzle-orm';
import { memberships } from '../../../../server/db/schema';
import { apiCall, once } from '../../../support/route-fixtures';
import type { Fixture, RouteEntry } from '../route-table';

/** Members join "now" in tests: this makes everyone of the community a settled member, who may promote. */
function settled(f: Fixture) {
  return once(f, 'settled', async () => {
    await f.db
      .update(memberships)
      .set({ joinedAt: sql`${memberships.joinedAt} - interval '60 days'` })
      .where(eq(memberships.communityId, f.communityId));
  });
}

/** An extra slot two days ahead, so the request below is always in an open slot. */
function openSlot(f: Fixture) {
  return once(f, 'slot', () =>
    apiCall<{ id: string }>(
      f.app,
      f.users.owner,
      'POST',
      `/api/communities/${f.communityId}/promotion-slots`,
      {
        startsAt: new Date(Date.now() + 2 * 24 * 3600_000).toISOString(),
        durationMinutes: 30,
        places: 3,
      },
    ),
  );
}

function requestBody(slotId: string) {
  return {
    slotId,
    title: '我的公众号涨粉复盘',
    content: '一年从0到1万粉，选题和标题的经验都写在文章里了。',
    link: 'https://example.com/article',
    category: '文章',
  };
}

/** The member's pending request. */
function memberRequest(f: Fixture) {
  return once(f, 'member-request', async () => {
    await settled(f);
    const slot = await openSlot(f);
    return apiCall<{ id: string }>(
      f.app,
      f.users.member,
      'POST',
      `/api/communities/${f.communityId}/promotion-requests`,
      requestBody(slot.id),
    );
  });
}

/** Only its author sees a request to edit or withdraw it: to anyone else it does not exist. */
const notTheAuthor = { status: 404, code: 'NOT_FOUND' };
const onlyTheAuthor = {
  outsider: notTheAuthor,
  secretary: notTheAuthor,
  admin: notTheAuthor,
  owner: notTheAuthor,
};

/** Promotions: owner and admins set the rules, open slots and review; every member may ask for a place. */
export const promotionRoutes: Record<string, RouteEntry> = {
  'GET /api/communities/{communityId}/promotion-rules': {
    access: 'member',
    request: (f) => ({ url: `/api/communities/${f.communityId}/promotion-rules` }),
  },
  'PUT /api/communities/{communityId}/promotion-rules': {
    access: 'admin',
    request: (f) => ({
      url: `/api/communities/${f.communityId}/promotion-rules`,
      payload: {
        minTenureDays: 7,
        schedule: [{ weekday: 5, startTime: '20:00', durationMinutes: 30, places: 3 }],
      },
    }),
  },
  'GET /api/communities/{communityId}/promotion-slots': {
    access: 'member',
    request: (f) => ({ url: `/api/communities/${f.communityId}/promotion-slots` }),
  },
  'POST /api/communities/{communityId}/promotion-slots': {
    access: 'admin',
    request: (f) => ({
      url: `/api/communities/${f.communityId}/promotion-slots`,
      payload: {
        startsAt: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(),
        durationMinutes: 30,
        places: 2,
      },
    }),
  },
  'POST /api/promotion-slots/{slotId}/close': {
    access: 'admin',
    request: async (f) => ({ url: `/api/promotion-slots/${(await openSlot(f)).id}/close` }),
  },
  'GET /api/communities/{communityId}/promotion-eligibility': {
    access: 'member',
    request: (f) => ({ url: `/api/communities/${f.communityId}/promotion-eligibility` }),
  },
  'GET /api/communities/{communityId}/promotion-requests/mine': {
    access: 'member',
    request: (f) => ({ url: `/api/communities/${f.communityId}/promotion-requests/mine` }),
  },
  'POST /api/communities/{communityId}/promotion-requests': {
    access: 'member',
    request: async (f) => {
      await settled(f);
      const slot = await openSlot(f);
      return { url: `/api/communities/${f.communityId}/promotion-requests`, payload: requestBody(slot.id) };
    },
  },
  'PATCH /api/promotion-requests/{requestId}': {
    access: 'member',
    request: async (f) => ({
      url: `/api/promotion-requests/${(await memberRequest(f)).id}`,
      payload: { title: '公众号涨粉复盘（修订）' },
    }),
    expect: onlyTheAuthor,
  },
  'POST /api/promotion-requests/{requestId}/withdraw': {
    access: 'member',
    request: async (f) => ({ url: `/api/promotion-requests/${(await memberRequest(f)).id}/withdraw` }),
    expect: onlyTheAuthor,
  },
  'GET /api/communities/{communityId}/promotion-review': {
    access: 'admin',
    request: (f) => ({ url: `/api/communities/${f.communityId}/promotion-review` }),
  },
  'POST /api/promotion-requests/{requestId}/approve': {
    access: 'admin',
    request: async (f) => ({
      url: `/api/promotion-requests/${(await memberRequest(f)).id}/approve`,
      payload: { version: 1 },
    }),
  },
  'POST /api/promotion-requests/{requestId}/reject': {
    access: 'admin',
    request: async (f) => ({
      url: `/api/promotion-requests/${(await memberRequest(f)).id}/reject`,
      payload: { reason: '这周的位置已经排满了', version: 1 },
    }),
  },
  'GET /api/communities/{communityId}/promotion-board': {
    access: 'member',
    request: (f) => ({ url: `/api/communities/${f.communityId}/promotion-board` }),
  },
  'GET /api/communities/{communityId}/promotion-archive': {
    access: 'member',
    request: (f) => ({ url: `/api/communities/${f.communityId}/promotion-archive` }),
  },
};
