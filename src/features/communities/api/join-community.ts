import type { JoinResult } from '@/domain/api-types';
import { normaliseInviteCode } from '@/domain/community-rules';
import { api } from '@/lib/request';

export interface JoinByCodeInput {
  inviteCode: string;
  /** The member whose share card brought me here. */
  inviterId?: string;
  /** A few words to the team, read when the community asks them to approve newcomers. */
  note?: string;
}

/** In at once, or queued for the owner or an admin when the community approves newcomers. */
export function joinCommunity({ inviteCode, inviterId, note }: JoinByCodeInput): Promise<JoinResult> {
  return api.post<JoinResult>('/api/communities/join', {
    inviteCode: normaliseInviteCode(inviteCode),
    inviterId,
    note: note || undefined,
  });
}
