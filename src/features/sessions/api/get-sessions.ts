import type { SessionPage } from '@/domain/contract/sessions';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export function getSessions(communityId: string, tag: string | null): Promise<SessionPage> {
  const query = tag ? `?tag=${encodeURIComponent(tag)}` : '';
  return api.get<SessionPage>(`/api/communities/${encodeURIComponent(communityId)}/sessions${query}`);
}

export function useSessions(communityId: string | null, tag: string | null) {
  return useQuery(communityId ? `sessions:${communityId}:${tag ?? ''}` : null, () =>
    getSessions(communityId!, tag),
  );
}
