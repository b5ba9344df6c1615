import { pagePaths } from '@/domain/page-paths';
import { communityPath } from '@/features/communities/api/get-community';
import { mePath } from '@/features/communities/api/get-me';
import { firstFeedFilter, tipFeedPath } from '@/features/tips/api/get-tip-feed';
import { tipTagsPath } from '@/features/tips/api/get-tip-tags';
import { startLaunchGet } from '@/lib/launch-gets';
import { useLoginSession } from '@/lib/login-session';

/** The first GETs of a page beyond /api/me and the current community, by the page's path. */
const firstGetsOfPage: Record<string, (communityId: string) => string[]> = {
  [pagePaths.tips]: (communityId) => [
    tipFeedPath(communityId, firstFeedFilter, null),
    tipTagsPath(communityId),
  ],
};

/**
 * H5: a page's code arrives in its own chunk, fetched only once the app has started, and its
 * requests would wait for that chunk. Started here instead, they run while it loads; the page's
 * identical GETs take their answers (see startLaunchGet). Only for someone already signed in.
 * Taro picks this file for H5 builds; launch-requests.ts stands in for the others.
 */
export function startLaunchRequests(): void {
  const { token, currentCommunityId } = useLoginSession.getState();
  if (!token) return;
  startLaunchGet(mePath);
  if (!currentCommunityId) return;
  startLaunchGet(communityPath(currentCommunityId));
  // The hash router's page path: `#/pages/tips/index?x=1` -> `/pages/tips/index`.
  const pagePath = `/${window.location.hash.replace(/^#\/?|\?.*$/g, '')}`;
  for (const path of firstGetsOfPage[pagePath]?.(currentCommunityId) ?? []) startLaunchGet(path);
}
