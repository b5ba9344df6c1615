import Taro from '@tarojs/taro';
import { ownPagePattern, tabPages } from '@/domain/page-paths';
import { useLoginSession } from '@/lib/login-session';
import { showErrorToast } from '@/lib/show-error-toast';

/**
 * Opens the page a notice points to; only our own pages, never an outside address. The notice's
 * community becomes the current one first: pages such as the join-request queue show the current
 * community, and a member of several must land in the right one.
 */
export async function openNoticeLink(link: string, communityId: string): Promise<void> {
  const path = link.startsWith('/') ? link : `/${link}`;
  if (!ownPagePattern.test(path)) return;
  useLoginSession.getState().setCurrentCommunity(communityId);
  try {
    const bare = path.split('?')[0]!;
    if (tabPages.includes(bare)) await Taro.switchTab({ url: bare });
    else await Taro.navigateTo({ url: path });
  } catch (error) {
    showErrorToast(error);
  }
}
