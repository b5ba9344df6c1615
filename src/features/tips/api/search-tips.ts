import type { Page } from '@/domain/contract/common';
import type { TipCardView } from '@/domain/contract/tips';
import { api } from '@/lib/request';
import { type CursorPagesState, useCursorPages } from '@/lib/use-cursor-pages';

export function searchTips(
  communityId: string,
  q: string,
  cursor: string | null,
): Promise<Page<TipCardView>> {
  const query = [`q=${encodeURIComponent(q)}`, cursor ? `cursor=${encodeURIComponent(cursor)}` : '']
    .filter(Boolean)
    .join('&');
  return api.get(`/api/communities/${encodeURIComponent(communityId)}/tips/search?${query}`);
}

/** The tips matching `q`, best first, page by page; nothing is asked while `q` is empty. */
export function useTipSearch(communityId: string | null, q: string): CursorPagesState<TipCardView> {
  const key = communityId && q ? `${communityId}|${q}` : null;
  return useCursorPages(
    key,
    (after) => searchTips(communityId!, q, after),
    (tip) => tip.id,
  );
}
