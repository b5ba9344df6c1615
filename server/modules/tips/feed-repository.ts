import { and, desc, eq, isNotNull, notInArray, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { preparedPerDatabase } from '../../db/prepared-statement';
import { memberTags, tips, tipTags, users } from '../../db/schema';
import { type Viewer, viewerParams, visibleTips, visibleTipsPlaceholder } from '../moderation/visibility';
import { selectTipCards, type TipCardRow, tipCardColumns } from './tip-repository';

export type FeedRow = TipCardRow & { sharedCount: number };

/** Where a page ended: the last row's sort key. `sharedCount` is null except in 为你推荐. */
export interface FeedPosition {
  publishedAt: Date;
  id: string;
  sharedCount: number | null;
}

function before(publishedAt: SQL | typeof tips.publishedAt, id: SQL | typeof tips.id, after?: FeedPosition) {
  if (!after) return undefined;
  return sql`(${publishedAt}, ${id}) < (${after.publishedAt.toISOString()}::timestamptz, ${after.id}::uuid)`;
}

/** Where the previous page of 最新 ended, as placeholders of its prepared statement. */
const afterPlaceholders = sql`(${tips.publishedAt}, ${tips.id}) < (${sql.placeholder('afterPublishedAt')}::timestamptz, ${sql.placeholder('afterId')}::uuid)`;

// 最新 is the feed's default and its busiest query: prepared, first page and later pages.
const latestStatement = (name: string, after?: SQL) =>
  preparedPerDatabase(name, (db, statementName) =>
    selectTipCards(db)
      .where(
        and(
          eq(tips.communityId, sql.placeholder('communityId')),
          eq(tips.status, 'published'),
          visibleTipsPlaceholder,
          after,
        ),
      )
      .orderBy(desc(tips.publishedAt), desc(tips.id))
      .limit(sql.placeholder('limit'))
      .prepare(statementName),
  );
const latestFirstPage = latestStatement('feed_latest_first_page');
const latestLaterPage = latestStatement('feed_latest_later_page', afterPlaceholders);

/** 最新: walks the tips_feed index from the cursor, so page 1000 costs what page 1 does. */
export async function latestTips(
  db: Database,
  communityId: string,
  viewer: Viewer,
  limit: number,
  after?: FeedPosition,
): Promise<FeedRow[]> {
  const rows = after
    ? await latestLaterPage(db).execute({
        communityId,
        ...viewerParams(viewer),
        limit,
        afterPublishedAt: after.publishedAt.toISOString(),
        afterId: after.id,
      })
    : await latestFirstPage(db).execute({ communityId, ...viewerParams(viewer), limit });
  return rows.map((row) => ({ ...row, sharedCount: 0 }));
}

/** One tag's tips, newest first, through the tip_tags_feed index. */
export async function taggedTips(
  tx: Database,
  communityId: string,
  viewer: Viewer,
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
        visibleTips(viewer),
        before(sql`${tipTags.publishedAt}`, sql`${tipTags.tipId}`, after),
      ),
    )
    .orderBy(desc(tipTags.publishedAt), desc(tipTags.tipId))
    .limit(limit);
  return rows.map((row) => ({ ...row, sharedCount: 0 }));
}

/** Who wrote a hidden tip of the community: among members, they alone see it (`tips_hidden_authors`). */
export async function findHiddenTipAuthors(db: Database, communityId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ authorId: tips.authorId })
    .from(tips)
    .where(and(eq(tips.communityId, communityId), isNotNull(tips.hiddenAt)));
  return rows.map((row) => row.authorId);
}

export async function findMemberTags(tx: Database, communityId: string, userId: string): Promise<string[]> {
  const rows = await tx
    .select({ tag: memberTags.tag })
    .from(memberTags)
    .where(and(eq(memberTags.communityId, communityId), eq(memberTags.userId, userId)));
  return rows.map((row) => row.tag);
}

/**
 * 为你推荐 ranks only the newest `candidatesPerTag` published tips of each of my tags: a shared tag
 * lifts a recent tip, not every tip ever tagged so, and the cost stays the same at 1k or 100k tips.
 * Older tips sharing my tags fall into the rest, newest first, with the tips sharing none.
 */
export const candidatesPerTag = 100;

function myTagsOf(tx: Database, communityId: string, userId: string) {
  return tx.$with('mine').as(
    tx
      .select({ tag: memberTags.tag })
      .from(memberTags)
      .where(and(eq(memberTags.communityId, communityId), eq(memberTags.userId, userId))),
  );
}

/** The candidates' ids: each tag of mine, its newest tips along tip_tags_feed (a LATERAL subquery per tag). */
function candidateIds(tx: Database, communityId: string, mine: ReturnType<typeof myTagsOf>) {
  const newest = tx
    .select({ tipId: tipTags.tipId })
    .from(tipTags)
    .where(
      and(eq(tipTags.communityId, communityId), eq(tipTags.tag, mine.tag), isNotNull(tipTags.publishedAt)),
    )
    .orderBy(desc(tipTags.publishedAt), desc(tipTags.tipId))
    .limit(candidatesPerTag)
    .as('newest');
  return tx.selectDistinct({ tipId: newest.tipId }).from(mine).crossJoinLateral(newest);
}

/**
 * 为你推荐's first stretch: the candidates, by (tags of mine they carry, published_at, id) descending.
 * The count is exact (every tag of mine on the tip), whichever tag made it a candidate.
 */
export async function recommendedCandidates(
  tx: Database,
  communityId: string,
  viewer: Viewer,
  limit: number,
  after?: FeedPosition,
): Promise<FeedRow[]> {
  const mine = myTagsOf(tx, communityId, viewer.userId);
  const candidates = candidateIds(tx, communityId, mine).as('candidates');
  const sharedCount = sql<number>`count(*)::int`;
  const publishedAt = sql`max(${tipTags.publishedAt})`;
  const page = tx
    .select({ tipId: tipTags.tipId, sharedCount: sharedCount.as('shared_count') })
    .from(candidates)
    .innerJoin(tipTags, eq(tipTags.tipId, candidates.tipId))
    .innerJoin(mine, eq(mine.tag, tipTags.tag))
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
    .with(mine)
    .select({ ...tipCardColumns, sharedCount: page.sharedCount })
    .from(page)
    .innerJoin(tips, eq(tips.id, page.tipId))
    .innerJoin(users, eq(users.id, tips.authorId))
    .where(and(eq(tips.status, 'published'), visibleTips(viewer)))
    .orderBy(desc(page.sharedCount), desc(tips.publishedAt), desc(tips.id));
}

/**
 * 为你推荐's rest: every published tip that is not a candidate, newest first along the feed index
 * (the candidates' ids are read once, a hashed NOT IN, not once per tip).
 */
export async function recommendedRest(
  tx: Database,
  communityId: string,
  viewer: Viewer,
  limit: number,
  after?: FeedPosition,
): Promise<FeedRow[]> {
  const mine = myTagsOf(tx, communityId, viewer.userId);
  const rows = await tx
    .with(mine)
    .select(tipCardColumns)
    .from(tips)
    .innerJoin(users, eq(users.id, tips.authorId))
    .where(
      and(
        eq(tips.communityId, communityId),
        eq(tips.status, 'published'),
        visibleTips(viewer),
        before(tips.publishedAt, tips.id, after),
        notInArray(tips.id, candidateIds(tx, communityId, mine)),
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
