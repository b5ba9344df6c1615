import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { union } from 'drizzle-orm/pg-core';
import type { TipSearchQuery } from '../../../src/domain/search-text';
import { tipLimits } from '../../../src/domain/tips';
import type { Database } from '../../db/database';
import { tips, users } from '../../db/schema';
import type { SearchPosition } from './feed-cursor';
import { type TipCardRow, tipCardColumns } from './tip-repository';

export type SearchRow = TipCardRow & { inTitle: number; score: number };

const matches = (query: string) => sql`${tips.searchVector} @@ ${query}::tsquery`;

/** The newest published tips of the community that match: the tips_search index, or the feed index for a common word. */
function newestMatching(tx: Database, communityId: string, query: string) {
  return tx
    .select({ id: tips.id })
    .from(tips)
    .where(and(eq(tips.communityId, communityId), eq(tips.status, 'published'), matches(query)))
    .orderBy(desc(tips.publishedAt), desc(tips.id))
    .limit(tipLimits.searchCandidatesMax);
}

/**
 * One page of a search: the candidates are the newest matching tips and the newest matching in the
 * title, so the cost stays flat however common a word is. They are ranked title matches first, then
 * by `ts_rank` (title words weigh most, then tags and steps, then body; normalised by length), then newest.
 * The query is cast (`::tsquery`), not parsed by a text search configuration: its words are already
 * the index's own, and a configuration's parser depends on the database's locale.
 */
export async function searchPublishedTips(
  tx: Database,
  communityId: string,
  query: TipSearchQuery,
  limit: number,
  after?: SearchPosition,
): Promise<SearchRow[]> {
  const inTitle = sql<number>`(${tips.searchVector} @@ ${query.inTitle}::tsquery)::int`;
  const score = sql<number>`(ts_rank(${tips.searchVector}, ${query.anywhere}::tsquery, 1) * 1000000)::int`;
  const candidates = union(
    newestMatching(tx, communityId, query.anywhere),
    newestMatching(tx, communityId, query.inTitle),
  );
  const afterCondition: SQL | undefined = after
    ? sql`(${inTitle}, ${score}, ${tips.publishedAt}, ${tips.id}) < (${after.inTitle}::int, ${after.score}::int, ${after.publishedAt.toISOString()}::timestamptz, ${after.id}::uuid)`
    : undefined;
  return tx
    .select({ ...tipCardColumns, inTitle: inTitle.as('in_title'), score: score.as('score') })
    .from(tips)
    .innerJoin(users, eq(users.id, tips.authorId))
    .where(and(inArray(tips.id, candidates), afterCondition))
    .orderBy(desc(inTitle), desc(score), desc(tips.publishedAt), desc(tips.id))
    .limit(limit);
}
