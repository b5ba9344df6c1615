import type { UserView } from '@/domain/contract/common';
import type { MembershipView } from '@/domain/contract/me';
import { useSessionStore } from '@/lib/session-store';

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
export function resetSession(state: Partial<ReturnType<typeof useSessionStore.getState>> = {}): void {
  useSessionStore.setState({
    token: null,
    user: null,
    memberships: null,
    joinRequests: null,
    currentCommunityId: null,
    ...state,
  });
}

export function signInForTest(state: Partial<ReturnType<typeof useSessionStore.getState>> = {}): void {
  resetSession({ token: 'test-token', user: testUser, ...state });
}
