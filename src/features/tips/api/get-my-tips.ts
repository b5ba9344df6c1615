import type { TipCardView } from '@/domain/api-types';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export type MyTipsKind = 'saved' | 'tried';

export function getMyTips(communityId: string, kind: MyTipsKind): Promise<TipCardView[]> {
  return api.get<TipCardView[]>(`/api/communities/${encodeURIComponent(communityId)}/me/tips?kind=${kind}`);
}

export function useMyTips(communityId: string | null, kind: MyTipsKind) {
  return useQuery(communityId ? `my-tips:${communityId}:${kind}` : null, () => getMyTips(communityId!, kind));
}
