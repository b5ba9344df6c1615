import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { tips, tipWants } from '../../db/schema';

export async function findTipToWant(tx: Database, tipId: string) {
  const [tip] = await tx
    .select({
      id: tips.id,
      communityId: tips.communityId,
      authorId: tips.authorId,
      status: tips.status,
      hiddenAt: tips.hiddenAt,
    })
    .from(tips)
    .where(eq(tips.id, tipId));
  return tip;
}

/** How many want a session on the tip, and whether `userId` is one of them. */
export async function countTipWants(tx: Database, tipId: string, userId: string) {
  const [row] = await tx
    .select({
      wantCount: count(),
      wanted: sql<boolean>`coalesce(bool_or(${tipWants.userId} = ${userId}), false)`,
    })
    .from(tipWants)
    .where(eq(tipWants.tipId, tipId));
  return { wanted: row?.wanted ?? false, wantCount: row?.wantCount ?? 0 };
}

export async function insertTipWant(
  tx: Database,
  want: { tipId: string; userId: string; communityId: string },
): Promise<void> {
  await tx.insert(tipWants).values(want).onConflictDoNothing();
}

export async function deleteTipWant(tx: Database, tipId: string, userId: string): Promise<void> {
  await tx.delete(tipWants).where(and(eq(tipWants.tipId, tipId), eq(tipWants.userId, userId)));
}

/** The published tips of a community most wanted, then most recently wanted. */
export function listMostWantedTips(tx: Database, communityId: string, limit: number) {
  const wantCount = count(tipWants.userId);
  return tx
    .select({ tipId: tips.id, title: tips.title, tags: tips.tags, wantCount })
    .from(tipWants)
    .innerJoin(tips, eq(tips.id, tipWants.tipId))
    .where(and(eq(tipWants.communityId, communityId), eq(tips.status, 'published'), isNull(tips.hiddenAt)))
    .groupBy(tips.id)
    .orderBy(desc(wantCount), desc(sql`max(${tipWants.createdAt})`))
    .limit(limit);
}
