import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { TipSearchQuery } from '../../../src/domain/search-text';
import { tipLimits } from '../../../src/domain/tips';
import type { Database } from '../../db/database';
import { tips, users } from '../../db/schema';
import { type Viewer, visibleTips } from '../moderation/visibility';
import { type TipCardRow, tipCardColumns } from './tip-repository';
import type { SearchPosition } from './tip-search-service';

export type SearchRow = TipCardRow & { inTitle: number; score: number };

/**
 * One page of a search: the candidates are the newest matching tips, so the cost stays bounded
 * however common a word is (a rare word through the tips_search index, a common one along the feed
 * index, whichever the planner finds cheaper). Each is ranked as it is read, title matches first, then
 * by `ts_rank` (title words weigh most, then tags and steps, then body; normalised by length), then
 * newest; only the page's tips are then read whole. The query is cast (`::tsquery`), not parsed by a
 * text search configuration: its words are already the index's own, and a configuration's parser
 * depends on the database's locale.
 */
export async function searchPublishedTips(
  tx: Database,
  communityId: string,
  viewer: Viewer,
  query: TipSearchQuery,
  limit: number,
  after?: SearchPosition,
): Promise<SearchRow[]> {
  const candidates = tx
    .select({
      id: tips.id,
      publishedAt: tips.publishedAt,
      inTitle: sql<number>`(${tips.searchVector} @@ ${query.inTitle}::tsquery)::int`.as('in_title'),
      score: sql<number>`(ts_rank(${tips.searchVector}, ${query.anywhere}::tsquery, 1) * 1000000)::int`.as(
        'score',
      ),
    })
    .from(tips)
    .where(
      and(
        eq(tips.communityId, communityId),
        eq(tips.status, 'published'),
        visibleTips(viewer),
        sql`${tips.searchVector} @@ ${query.anywhere}::tsquery`,
      ),
    )
    .orderBy(desc(tips.publishedAt), desc(tips.id))
    .limit(tipLimits.searchCandidatesMax)
    .as('candidates');
  const order = [
    desc(candidates.inTitle),
    desc(candidates.score),
    desc(candidates.publishedAt),
    desc(candidates.id),
  ];
  const afterCondition: SQL | undefined = after
    ? sql`(${candidates.inTitle}, ${candidates.score}, ${candidates.publishedAt}, ${candidates.id}) < (${after.inTitle}::int, ${after.score}::int, ${after.publishedAt.toISOString()}::timestamptz, ${after.id}::uuid)`
    : undefined;
  const page = tx
    .select()
    .from(candidates)
    .where(afterCondition)
    .orderBy(...order)
    .limit(limit)
    .as('page');
  return tx
    .select({ ...tipCardColumns, inTitle: page.inTitle, score: page.score })
    .from(page)
    .innerJoin(tips, eq(tips.id, page.id))
    .innerJoin(users, eq(users.id, tips.authorId))
    .orderBy(desc(page.inTitle), desc(page.score), desc(page.publishedAt), desc(page.id));
}
