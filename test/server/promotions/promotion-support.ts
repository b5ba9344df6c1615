import { and, eq, sql } from 'drizzle-orm';
import type { App } from '../../../server/app';
import type { Database } from '../../../server/db/database';
import { memberships } from '../../../server/db/schema';
import type { PromotionSlotView } from '../../../src/domain/contract/promotions';
import type { SignedInUser } from '../../support/api-session';

/** Members join "now" in tests; this makes them settled members who may request a slot. */
export async function settle(db: Database, communityId: string, ...users: SignedInUser[]) {
  for (const user of users) {
    await db
      .update(memberships)
      .set({ joinedAt: sql`${memberships.joinedAt} - interval '60 days'` })
      .where(and(eq(memberships.communityId, communityId), eq(memberships.userId, user.user.id)));
  }
}

export async function openSlots(app: App, communityId: string, user: SignedInUser) {
  const response = await app.inject({
    method: 'GET',
    url: `/api/communities/${communityId}/promotion-slots`,
    headers: user.headers,
  });
  if (response.statusCode !== 200) throw new Error(`slots: ${response.statusCode} ${response.body}`);
  return response.json<PromotionSlotView[]>();
}

export function requestBody(slotId: string, overrides: Record<string, unknown> = {}) {
  return {
    slotId,
    title: '我的公众号涨粉复盘',
    content: '一年从0到1万粉，选题和标题的经验都写在文章里了。',
    link: 'https://example.com/article',
    category: '文章',
    ...overrides,
  };
}

export async function requestSlot(
  app: App,
  communityId: string,
  user: SignedInUser,
  slotId: string,
  overrides: Record<string, unknown> = {},
) {
  return app.inject({
    method: 'POST',
    url: `/api/communities/${communityId}/promotion-requests`,
    headers: user.headers,
    payload: requestBody(slotId, overrides),
  });
}

/** A decision on the version the reviewer read: a request nobody edited is at version 1. */
export async function decide(
  app: App,
  user: SignedInUser,
  requestId: string,
  action: 'approve' | 'reject',
  reason?: string,
  version = 1,
) {
  return app.inject({
    method: 'POST',
    url: `/api/promotion-requests/${requestId}/${action}`,
    headers: user.headers,
    payload: reason === undefined ? { version } : { reason, version },
  });
}
