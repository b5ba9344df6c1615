import type { MemberProfileChanges, MemberProfileView } from '@/domain/contract/profiles';
import { api } from '@/lib/request';

export function updateMyProfile(
  communityId: string,
  changes: MemberProfileChanges,
): Promise<MemberProfileView> {
  return api.patch<MemberProfileView>(
    `/api/communities/${encodeURIComponent(communityId)}/members/me`,
    changes,
  );
}
