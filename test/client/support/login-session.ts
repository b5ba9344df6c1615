import type { UserView } from '@/domain/contract/common';
import type { MembershipView } from '@/domain/contract/me';
import { useLoginSession } from '@/lib/login-session';

export const testUser: UserView = { id: 'u1', nickname: '小林', avatarUrl: null };

export function membership(
  communityId: string,
  communityName: string,
  role: MembershipView['role'],
  rulesConfirmed = true,
): MembershipView {
  return { communityId, communityName, role, joinedAt: '2026-11-01T08:00:00.000Z', rulesConfirmed };
}

/** A fresh, empty session; a test that needs someone signed in passes a token. */
export function resetSession(state: Partial<ReturnType<typeof useLoginSession.getState>> = {}): void {
  useLoginSession.setState({
    token: null,
    user: null,
    memberships: null,
    joinRequests: null,
    currentCommunityId: null,
    ...state,
  });
}

export function signInForTest(state: Partial<ReturnType<typeof useLoginSession.getState>> = {}): void {
  resetSession({ token: 'test-token', user: testUser, ...state });
}
