import type { TipNoteView } from '@/domain/contract/tips';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export function getTipNotes(tipId: string): Promise<TipNoteView[]> {
  return api.get<TipNoteView[]>(`/api/tips/${encodeURIComponent(tipId)}/tries`);
}

export function useTipNotes(tipId: string | null) {
  return useQuery(tipId ? `tip-notes:${tipId}` : null, () => getTipNotes(tipId!));
}
