import type { TagCount } from '@/domain/contract/tags';
import { api } from '@/lib/request';

export function mergeTags(communityId: string, from: string, into: string): Promise<TagCount[]> {
  return api.post<TagCount[]>(`/api/communities/${encodeURIComponent(communityId)}/tags/merge`, {
    from,
    into,
  });
}
