import type { TipDetailView } from '@/domain/contract/tips';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export function getTip(tipId: string): Promise<TipDetailView> {
  return api.get<TipDetailView>(`/api/tips/${encodeURIComponent(tipId)}`);
}

export function useTip(tipId: string | null) {
  return useQuery(tipId ? `tip:${tipId}` : null, () => getTip(tipId!));
}
