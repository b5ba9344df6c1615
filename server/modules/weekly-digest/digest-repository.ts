import { and, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { communities, weeklyDigests } from '../../db/schema';

export type DigestRow = typeof weeklyDigests.$inferSelect;

export async function findDigestRow(
  tx: Database,
  communityId: string,
  weekStart: string,
): Promise<DigestRow | undefined> {
  const [row] = await tx
    .select()
    .from(weeklyDigests)
    .where(and(eq(weeklyDigests.communityId, communityId), eq(weeklyDigests.weekStart, weekStart)));
  return row;
}

/** The week's row, made if missing and locked: the team's writes to one digest go one at a time. */
export async function lockDigestRow(
  tx: Database,
  communityId: string,
  weekStart: string,
): Promise<DigestRow> {
  await tx.insert(weeklyDigests).values({ communityId, weekStart }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(weeklyDigests)
    .where(and(eq(weeklyDigests.communityId, communityId), eq(weeklyDigests.weekStart, weekStart)))
    .for('update');
  return row!;
}

export async function updateDigestRow(
  tx: Database,
  id: string,
  changes: Partial<Pick<DigestRow, 'intro' | 'introBy' | 'sharedAt' | 'sharedBy'>>,
): Promise<void> {
  await tx.update(weeklyDigests).set(changes).where(eq(weeklyDigests.id, id));
}

/** The newest shared digest from `sinceWeek` on. */
export async function latestSharedDigest(tx: Database, communityId: string, sinceWeek: string) {
  const [row] = await tx
    .select({ weekStart: weeklyDigests.weekStart, sharedAt: weeklyDigests.sharedAt })
    .from(weeklyDigests)
    .where(
      and(
        eq(weeklyDigests.communityId, communityId),
        gte(weeklyDigests.weekStart, sinceWeek),
        isNotNull(weeklyDigests.sharedAt),
      ),
    )
    .orderBy(desc(weeklyDigests.weekStart))
    .limit(1);
  return row;
}

/**
 * Takes up the week for communities that have no row for it yet, a batch at a time. The unique
 * (community, week) key decides between instances: a row another instance is writing makes this
 * insert wait and then skip it, so each community's week is taken up exactly once.
 */
export async function claimWeekForCommunities(
  tx: Database,
  weekStart: string,
  now: Date,
  limit: number,
): Promise<string[]> {
  const result = await tx.execute(sql`
    insert into ${weeklyDigests} (community_id, week_start, prepared_at)
    select c.id, ${weekStart}::date, ${now.toISOString()}::timestamptz from ${communities} c
    where not exists (
      select 1 from ${weeklyDigests} d where d.community_id = c.id and d.week_start = ${weekStart}::date
    )
    order by c.id
    limit ${limit}
    on conflict (community_id, week_start) do nothing
    returning community_id`);
  return (result as unknown as { rows: { community_id: string }[] }).rows.map((row) => row.community_id);
}
