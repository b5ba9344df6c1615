import { useCallback } from 'react';
import type { CommunityView } from '@/domain/contract/communities';
import { useLoginSession } from '@/lib/login-session';
import { useCommunity } from '../api/get-community';
import { useMe } from '../api/get-me';

export type CurrentCommunityState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'no-community' }
  | { status: 'ready'; community: CommunityView };

/**
 * The id of the community to show, before its details arrive: the one remembered from last time
 * until GET /api/me answers (so a page can load its content alongside /api/me instead of after
 * it), then the one /api/me confirms. If I have left the remembered one in the meantime, its
 * requests fail, nothing of them is shown, and everything loads again for the confirmed one.
 */
function useCommunityIdToShow(): string | null {
  const memberships = useLoginSession((state) => state.memberships);
  const currentCommunityId = useLoginSession((state) => state.currentCommunityId);
  if (memberships === null) return currentCommunityId;
  return memberships.some((m) => m.communityId === currentCommunityId) ? currentCommunityId : null;
}

/** The community the 首页 shows: my memberships first, then the one I picked (or my first). */
export function useCurrentCommunity(): CurrentCommunityState & {
  communityId: string | null;
  reload: () => Promise<void>;
} {
  const me = useMe();
  const memberships = useLoginSession((state) => state.memberships);
  const communityId = useCommunityIdToShow();
  const community = useCommunity(communityId);

  const reload = useCallback(async () => {
    await me.reload();
    await community.reload();
  }, [me.reload, community.reload]);

  const known = { communityId, reload };
  if (me.error) return { status: 'error', error: me.error, ...known };
  // A failure for the remembered community means nothing until /api/me says it is still mine.
  if (!memberships) return { status: 'loading', ...known };
  if (memberships.length === 0) return { status: 'no-community', ...known };
  if (community.error) return { status: 'error', error: community.error, ...known };
  if (!community.data) return { status: 'loading', ...known };
  return { status: 'ready', community: community.data, ...known };
}
