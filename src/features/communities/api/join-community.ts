import { normaliseInviteCode } from '@/domain/community-rules';
import type { JoinByCodeInput, JoinResult } from '@/domain/contract/joining';
import { api } from '@/lib/request';

/** In at once, or queued for the owner or an admin when the community approves newcomers. */
export function joinCommunity({ inviteCode, inviterId, note }: JoinByCodeInput): Promise<JoinResult> {
  return api.post<JoinResult>('/api/communities/join', {
    inviteCode: normaliseInviteCode(inviteCode),
    inviterId,
    note: note || undefined,
  });
}
