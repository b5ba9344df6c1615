import { and, desc, eq, inArray, isNotNull, notExists, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { memberTags, tips, tipTags, users } from '../../db/schema';
import type { FeedPosition } from './feed-cursor';
import { selectTipCards, type TipCardRow, tipCardColumns } from './tip-repository';

export type FeedRow = TipCardRow & { sharedCount: number };

function before(publishedAt: SQL | typeof tips.publishedAt, id: SQL | typeof tips.id, after?: FeedPosition) {
  if (!after) return undefined;
  return sql`(${publishedAt}, ${id}) < (${after.publishedAt.toISOString()}::timestamptz, ${after.id}::uuid)`;
}

/** 最新: walks the tips_feed index from the cursor, so page 1000 costs what page 1 does. */
export async function latestTips(
  tx: Database,
  communityId: string,
  limit: number,
  after?: FeedPosition,
): Promise<FeedRow[]> {
  const rows = await selectTipCards(tx)
    .where(
      and(
        eq(tips.communityId, communityId),
        eq(tips.status, 'published'),
        before(tips.publishedAt, tips.id, after),
      ),
    )
    .orderBy(desc(tips.publishedAt), desc(tips.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, sharedCount: 0 }));
}

/** One tag's tips, newest first, through the tip_tags_feed index. */
export async function taggedTips(
  tx: Database,
  communityId: string,
  tag: string,
  limit: number,
  after?: FeedPosition,
): Promise<FeedRow[]> {
  const rows = await tx
    .select(tipCardColumns)
    .from(tipTags)
    .innerJoin(tips, eq(tips.id, tipTags.tipId))
    .innerJoin(users, eq(users.id, tips.authorId))
    .where(
      and(
        eq(tipTags.communityId, communityId),
        eq(tipTags.tag, tag),
        isNotNull(tipTags.publishedAt),
        before(sql`${tipTags.publishedAt}`, sql`${tipTags.tipId}`, after),
      ),
    )
    .orderBy(desc(tipTags.publishedAt), desc(tipTags.tipId))
    .limit(limit);
  return rows.map((row) => ({ ...row, sharedCount: 0 }));
}

export async function findMemberTags(tx: Database, communityId: string, userId: string): Promise<string[]> {
  const rows = await tx
    .select({ tag: memberTags.tag })
    .from(memberTags)
    .where(and(eq(memberTags.communityId, communityId), eq(memberTags.userId, userId)));
  return rows.map((row) => row.tag);
}

/**
 * 为你推荐, the tips sharing at least one of my tags, ordered by (shared_count, published_at, id)
 * descending. Its cost grows with the number of tips carrying my tags (their tag rows are counted
 * in the index), not with the whole feed.
 */
export async function tipsSharingTags(
  tx: Database,
  communityId: string,
  myTags: string[],
  limit: number,
  after?: FeedPosition,
): Promise<FeedRow[]> {
  const sharedCount = sql<number>`count(*)::int`;
  // tip_tags carries published_at, so ranking and the cursor need only its index; tips are read for the page alone.
  const publishedAt = sql`max(${tipTags.publishedAt})`;
  const page = tx
    .select({ tipId: tipTags.tipId, sharedCount: sharedCount.as('shared_count') })
    .from(tipTags)
    .where(
      and(eq(tipTags.communityId, communityId), inArray(tipTags.tag, myTags), isNotNull(tipTags.publishedAt)),
    )
    .groupBy(tipTags.tipId)
    .having(
      after
        ? sql`(${sharedCount}, ${publishedAt}, ${tipTags.tipId}) < (${after.sharedCount ?? 0}::int, ${after.publishedAt.toISOString()}::timestamptz, ${after.id}::uuid)`
        : undefined,
    )
    .orderBy(desc(sharedCount), desc(publishedAt), desc(tipTags.tipId))
    .limit(limit)
    .as('shared');
  return tx
    .select({ ...tipCardColumns, sharedCount: page.sharedCount })
    .from(page)
    .innerJoin(tips, eq(tips.id, page.tipId))
    .innerJoin(users, eq(users.id, tips.authorId))
    .where(eq(tips.status, 'published'))
    .orderBy(desc(page.sharedCount), desc(tips.publishedAt), desc(tips.id));
}

/** The rest of 为你推荐: tips sharing none of my tags, newest first, along the feed index. */
export async function tipsSharingNoTags(
  tx: Database,
  communityId: string,
  myTags: string[],
  limit: number,
  after?: FeedPosition,
): Promise<FeedRow[]> {
  const rows = await selectTipCards(tx)
    .where(
      and(
        eq(tips.communityId, communityId),
        eq(tips.status, 'published'),
        before(tips.publishedAt, tips.id, after),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(tipTags)
            .where(and(eq(tipTags.tipId, tips.id), inArray(tipTags.tag, myTags))),
        ),
      ),
    )
    .orderBy(desc(tips.publishedAt), desc(tips.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, sharedCount: 0 }));
}

/** The tags of published tips, most used first: the chips on top of the feed. */
export async function popularTipTags(tx: Database, communityId: string, limit: number): Promise<string[]> {
  const rows = await tx
    .select({ tag: tipTags.tag })
    .from(tipTags)
    .where(and(eq(tipTags.communityId, communityId), isNotNull(tipTags.publishedAt)))
    .groupBy(tipTags.tag)
    .orderBy(desc(sql`count(*)`), tipTags.tag)
    .limit(limit);
  return rows.map((row) => row.tag);
}
