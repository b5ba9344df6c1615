import type { Page } from '../../../src/domain/contract/common';
import type { SearchTipsQuery, TipCardView } from '../../../src/domain/contract/tips';
import { tipSearchQuery } from '../../../src/domain/search-text';
import { tipLimits } from '../../../src/domain/tips';
import type { Database } from '../../db/database';
import { countPart, keysetCursor, timePart, uuidPart } from '../../db/keyset-cursor';
import type { UserRow } from '../auth/user-repository';
import { type CommunityStanding, requireMembership } from '../membership/require-membership';
import { searchPublishedTips } from './tip-search-repository';
import { toTipCardView } from './tip-views';

/** Where a search page ended: title match (1/0), score, then the feed's order. */
export const searchCursor = keysetCursor({
  inTitle: countPart,
  score: countPart,
  publishedAt: timePart,
  id: uuidPart,
});
export type SearchPosition = ReturnType<typeof searchCursor.decode>;

/** Published tips of the community matching every word of `q`, best first, a page at a time. */
export async function searchTips(
  db: Database,
  user: UserRow,
  communityId: string,
  { q, cursor }: SearchTipsQuery,
  standing?: CommunityStanding | null,
): Promise<Page<TipCardView>> {
  const viewer = {
    userId: user.id,
    role: await requireMembership(db, communityId, user.id, 'member', standing),
  };
  const after = cursor ? searchCursor.decode(cursor) : undefined;
  const query = tipSearchQuery(q);
  if (!query) return { items: [], nextCursor: null };
  const pageSize = tipLimits.pageSize;
  const rows = await searchPublishedTips(db, communityId, viewer, query, pageSize + 1, after);
  const items = rows.slice(0, pageSize);
  const last = items.at(-1);
  return {
    items: items.map(toTipCardView),
    nextCursor:
      rows.length > pageSize && last
        ? searchCursor.encode({
            inTitle: last.inTitle,
            score: last.score,
            publishedAt: last.publishedAt!,
            id: last.id,
          })
        : null,
  };
}
