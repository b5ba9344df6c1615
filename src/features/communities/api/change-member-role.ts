import type { MemberView } from '@/domain/contract/communities';
import type { AssignableRole } from '@/domain/roles';
import { api } from '@/lib/request';

export function changeMemberRole(
  communityId: string,
  userId: string,
  role: AssignableRole,
): Promise<MemberView> {
  return api.put<MemberView>(
    `/api/communities/${encodeURIComponent(communityId)}/members/${encodeURIComponent(userId)}/role`,
    { role },
  );
}
