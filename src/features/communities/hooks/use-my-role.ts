import type { Role } from '@/domain/roles';
import { useLoginSession } from '@/lib/login-session';
import { useMe } from '../api/get-me';

/**
 * My role in a community (the current one by default); undefined until GET /api/me has answered.
 * It asks for /api/me itself, so a page opened directly (a deep link, a refresh, a cold start on
 * it) shows what depends on the role without another page having loaded it first.
 */
export function useMyRole(communityId?: string | null): Role | undefined {
  useMe();
  return useLoginSession((state) => {
    const id = communityId === undefined ? state.currentCommunityId : communityId;
    return state.memberships?.find((m) => m.communityId === id)?.role;
  });
}
