import { and, desc, eq, sql } from 'drizzle-orm';
import type { TipSearchQuery } from '../../../src/domain/search-text';
import { tipLimits } from '../../../src/domain/tips';
import type { Database } from '../../db/database';
import { preparedPerDatabase } from '../../db/prepared-statement';
import { tips, users } from '../../db/schema';
import { type Viewer, viewerParams, visibleTipsPlaceholder } from '../moderation/visibility';
import { type TipCardRow, tipCardColumns } from './tip-repository';
import type { SearchPosition } from './tip-search-service';

export type SearchRow = TipCardRow & { inTitle: number; score: number };

const placeholder = {
  inTitle: sql.placeholder('inTitle'),
  anywhere: sql.placeholder('anywhere'),
  after: {
    inTitle: sql.placeholder('afterInTitle'),
    score: sql.placeholder('afterScore'),
    publishedAt: sql.placeholder('afterPublishedAt'),
    id: sql.placeholder('afterId'),
  },
};

/**
 * One page of a search: the candidates are the newest matching tips, so the cost stays bounded
 * however common a word is (a rare word through the tips_search index, a common one along the feed
 * index, whichever the planner finds cheaper). Each is ranked as it is read, title matches first, then
 * by `ts_rank` (title words weigh most, then tags and steps, then body; normalised by length), then
 * newest. The query is cast (`::tsquery`), not parsed by a text search configuration: its words are
 * already the index's own, and a configuration's parser depends on the database's locale.
 *
 * Built once, sent unnamed: PostgreSQL plans it for each search's own words, since only a plan that
 * knows how common they are picks the right index (a named statement would settle on one plan).
 */
const searchStatement = (name: string, paged: boolean) =>
  preparedPerDatabase(name, (tx) => {
    const { authorNickname: _readWithTheAuthor, ...tipColumns } = tipCardColumns;
    const candidates = tx
      .select({
        ...tipColumns,
        inTitle: sql<number>`(${tips.searchVector} @@ ${placeholder.inTitle}::tsquery)::int`.as('in_title'),
        score:
          sql<number>`(ts_rank(${tips.searchVector}, ${placeholder.anywhere}::tsquery, 1) * 1000000)::int`.as(
            'score',
          ),
      })
      .from(tips)
      .where(
        and(
          eq(tips.communityId, sql.placeholder('communityId')),
          eq(tips.status, 'published'),
          visibleTipsPlaceholder,
          sql`${tips.searchVector} @@ ${placeholder.anywhere}::tsquery`,
        ),
      )
      .orderBy(desc(tips.publishedAt), desc(tips.id))
      .limit(tipLimits.searchCandidatesMax)
      .as('candidates');
    const { after } = placeholder;
    return tx
      .select({ ...candidates._.selectedFields, authorNickname: users.nickname })
      .from(candidates)
      .innerJoin(users, eq(users.id, candidates.authorId))
      .where(
        paged
          ? sql`(${candidates.inTitle}, ${candidates.score}, ${candidates.publishedAt}, ${candidates.id}) < (${after.inTitle}::int, ${after.score}::int, ${after.publishedAt}::timestamptz, ${after.id}::uuid)`
          : undefined,
      )
      .orderBy(
        desc(candidates.inTitle),
        desc(candidates.score),
        desc(candidates.publishedAt),
        desc(candidates.id),
      )
      .limit(sql.placeholder('limit'))
      .prepare('');
  });
const searchFirstPage = searchStatement('tip_search_first_page', false);
const searchLaterPage = searchStatement('tip_search_later_page', true);

export async function searchPublishedTips(
  tx: Database,
  communityId: string,
  viewer: Viewer,
  query: TipSearchQuery,
  limit: number,
  after?: SearchPosition,
): Promise<SearchRow[]> {
  const values = {
    communityId,
    ...viewerParams(viewer),
    inTitle: query.inTitle,
    anywhere: query.anywhere,
    limit,
  };
  return after
    ? searchLaterPage(tx).execute({
        ...values,
        afterInTitle: after.inTitle,
        afterScore: after.score,
        afterPublishedAt: after.publishedAt.toISOString(),
        afterId: after.id,
      })
    : searchFirstPage(tx).execute(values);
}
