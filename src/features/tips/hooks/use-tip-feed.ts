import type { TipCardView } from '@/domain/contract/tips';
import { type CursorPagesState, useCursorPages } from '@/lib/use-cursor-pages';
import { type FeedFilter, getTipFeed } from '../api/get-tip-feed';

export type TipFeedState = CursorPagesState<TipCardView>;

export const tipId = (tip: TipCardView) => tip.id;

/** The 技巧 feed for a community and filter; a new filter starts over (see useCursorPages). */
export function useTipFeed(communityId: string | null, filter: FeedFilter): TipFeedState {
  const key = communityId ? `${communityId}|${filter.sort}|${filter.tag ?? ''}` : null;
  return useCursorPages(key, (after) => getTipFeed(communityId!, filter, after), tipId);
}
