import type { Page } from '@/domain/contract/common';
import type { MyTipsKind, TipCardView } from '@/domain/contract/tips';
import { api } from '@/lib/request';
import { useCursorPages } from '@/lib/use-cursor-pages';
import { tipId } from '../hooks/use-tip-feed';

export function getMyTips(
  communityId: string,
  kind: MyTipsKind,
  cursor: string | null,
): Promise<Page<TipCardView>> {
  const after = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
  return api.get(`/api/communities/${encodeURIComponent(communityId)}/me/tips?kind=${kind}${after}`);
}

/** 我的 收藏 / 试过的技巧, page by page. */
export function useMyTips(communityId: string | null, kind: MyTipsKind) {
  return useCursorPages(
    communityId ? `my-tips:${communityId}:${kind}` : null,
    (after) => getMyTips(communityId!, kind, after),
    tipId,
  );
}
