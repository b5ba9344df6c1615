import type { Page, TipCardView } from '@/domain/api-types';
import { api } from '@/lib/request';

export type FeedSort = 'latest' | 'recommended';

export interface FeedFilter {
  sort: FeedSort;
  tag: string | null;
}

export function getTipFeed(
  communityId: string,
  filter: FeedFilter,
  cursor: string | null,
): Promise<Page<TipCardView>> {
  const query = [
    filter.tag ? `tag=${encodeURIComponent(filter.tag)}` : `sort=${filter.sort}`,
    cursor ? `cursor=${encodeURIComponent(cursor)}` : '',
  ]
    .filter(Boolean)
    .join('&');
  return api.get<Page<TipCardView>>(`/api/communities/${encodeURIComponent(communityId)}/tips?${query}`);
}
