import type { SessionSummaryView } from '@/domain/contract/sessions';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export interface MySessions {
  upcoming: SessionSummaryView[];
  past: SessionSummaryView[];
}

export function getMySessions(): Promise<MySessions> {
  return api.get<MySessions>('/api/me/sessions');
}

export function useMySessions(userId: string | null) {
  return useQuery(userId ? `my-sessions:${userId}` : null, getMySessions);
}
