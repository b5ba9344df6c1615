import { and, eq, gt, lte, ne } from 'drizzle-orm';
import type { EarnedExtraReason } from '../../../src/domain/promotions';
import type { Database } from '../../db/database';
import { sessions, tips } from '../../db/schema';

/**
 * Contributors earn their reach: a tip the member authored (a suggestion the team published)
 * or a session they hosted within the window earns one more promotion in it.
 */
export async function findEarnedExtra(
  tx: Database,
  communityId: string,
  userId: string,
  since: Date,
  now: Date,
): Promise<EarnedExtraReason | null> {
  const [tip] = await tx
    .select({ id: tips.id })
    .from(tips)
    .where(
      and(
        eq(tips.communityId, communityId),
        eq(tips.authorId, userId),
        eq(tips.status, 'published'),
        gt(tips.publishedAt, since),
      ),
    )
    .limit(1);
  if (tip) return 'tip-published';
  const [session] = await tx
    .select({ id: sessions.id })
    .from(sessions)
    .where(
      and(
        eq(sessions.communityId, communityId),
        eq(sessions.hostUserId, userId),
        ne(sessions.status, 'cancelled'),
        gt(sessions.startsAt, since),
        lte(sessions.startsAt, now),
      ),
    )
    .limit(1);
  return session ? 'session-hosted' : null;
}
