import type { Page } from '@/domain/contract/common';
import type { MemberDirectoryEntry } from '@/domain/contract/communities';
import { api } from '@/lib/request';
import { useCursorPages } from '@/lib/use-cursor-pages';

export function searchMembers(
  communityId: string,
  q: string,
  cursor: string | null,
): Promise<Page<MemberDirectoryEntry>> {
  const query = [q ? `q=${encodeURIComponent(q)}` : '', cursor ? `cursor=${encodeURIComponent(cursor)}` : '']
    .filter(Boolean)
    .join('&');
  return api.get(
    `/api/communities/${encodeURIComponent(communityId)}/members/search${query ? `?${query}` : ''}`,
  );
}

/** The team's member list: everyone, or those whose name or a tag contains `q`. */
export function useMemberSearch(communityId: string | null, q: string) {
  return useCursorPages(
    communityId ? `${communityId}|${q}` : null,
    (after) => searchMembers(communityId!, q, after),
    (member) => member.userId,
  );
}
