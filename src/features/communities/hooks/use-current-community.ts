import { useCallback } from 'react';
import type { CommunityView } from '@/domain/api-types';
import { useSessionStore } from '@/lib/session-store';
import { useCommunity } from '../api/get-community';
import { useMe } from '../api/get-me';

export type CurrentCommunityState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'no-community' }
  | { status: 'ready'; community: CommunityView };

/** The community the 首页 shows: my memberships first, then the one I picked (or my first). */
export function useCurrentCommunity(): CurrentCommunityState & { reload: () => Promise<void> } {
  const me = useMe();
  const memberships = useSessionStore((state) => state.memberships);
  const currentCommunityId = useSessionStore((state) => state.currentCommunityId);
  const hasCurrent = !!memberships?.some((m) => m.communityId === currentCommunityId);
  const community = useCommunity(hasCurrent ? currentCommunityId : null);

  const reload = useCallback(async () => {
    await me.reload();
    await community.reload();
  }, [me.reload, community.reload]);

  if (me.error) return { status: 'error', error: me.error, reload };
  if (!memberships) return { status: 'loading', reload };
  if (memberships.length === 0) return { status: 'no-community', reload };
  if (community.error) return { status: 'error', error: community.error, reload };
  if (!community.data) return { status: 'loading', reload };
  return { status: 'ready', community: community.data, reload };
}
