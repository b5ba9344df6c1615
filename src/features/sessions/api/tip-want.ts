import type { TipWantView, WantedTopicView } from '@/domain/contract/sessions';
import { api, request } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

const wantUrl = (tipId: string) => `/api/tips/${encodeURIComponent(tipId)}/want`;

export function getTipWant(tipId: string): Promise<TipWantView> {
  return api.get<TipWantView>(wantUrl(tipId));
}

export function useTipWant(tipId: string | null) {
  return useQuery(tipId ? `tip-want:${tipId}` : null, () => getTipWant(tipId!));
}

export function setTipWant(tipId: string, wanted: boolean): Promise<TipWantView> {
  return wanted
    ? api.post<TipWantView>(wantUrl(tipId))
    : request<TipWantView>(wantUrl(tipId), { method: 'DELETE', body: {} });
}

export function useWantedTopics(communityId: string | null) {
  return useQuery(communityId ? `wanted-topics:${communityId}` : null, () =>
    api.get<WantedTopicView[]>(`/api/communities/${encodeURIComponent(communityId!)}/wanted-topics`),
  );
}
