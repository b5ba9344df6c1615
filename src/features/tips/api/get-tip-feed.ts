import type { Page } from '@/domain/contract/common';
import type { FeedSort, TipCardView } from '@/domain/contract/tips';
import { api } from '@/lib/request';

export interface FeedFilter {
  sort: FeedSort;
  tag: string | null;
}

/** What the 技巧 page shows first. */
export const firstFeedFilter: FeedFilter = { sort: 'recommended', tag: null };

export function tipFeedPath(communityId: string, filter: FeedFilter, cursor: string | null): string {
  const query = [
    filter.tag ? `tag=${encodeURIComponent(filter.tag)}` : `sort=${filter.sort}`,
    cursor ? `cursor=${encodeURIComponent(cursor)}` : '',
  ]
    .filter(Boolean)
    .join('&');
  return `/api/communities/${encodeURIComponent(communityId)}/tips?${query}`;
}

export function getTipFeed(
  communityId: string,
  filter: FeedFilter,
  cursor: string | null,
): Promise<Page<TipCardView>> {
  return api.get<Page<TipCardView>>(tipFeedPath(communityId, filter, cursor));
}
