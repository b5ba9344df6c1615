import type { BlockedUserView, RemoveMemberInput } from '@/domain/contract/communities';
import { api, request } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

function communityUrl(communityId: string): string {
  return `/api/communities/${encodeURIComponent(communityId)}`;
}

/** Owner and admins: the member's sign-ups are cancelled and they are told, with the reason. */
export function removeMember(communityId: string, userId: string, input: RemoveMemberInput): Promise<void> {
  return api.post<void>(`${communityUrl(communityId)}/members/${encodeURIComponent(userId)}/removal`, input);
}

export function getBlockedUsers(communityId: string): Promise<BlockedUserView[]> {
  return api.get<BlockedUserView[]>(`${communityUrl(communityId)}/blocks`);
}

export function useBlockedUsers(communityId: string | null) {
  return useQuery(communityId ? `blocks:${communityId}` : null, () => getBlockedUsers(communityId!));
}

export function unblockUser(communityId: string, userId: string): Promise<void> {
  return request<void>(`${communityUrl(communityId)}/blocks/${encodeURIComponent(userId)}`, {
    method: 'DELETE',
    body: {},
  });
}
