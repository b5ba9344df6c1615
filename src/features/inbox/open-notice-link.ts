import Taro from '@tarojs/taro';
import { showErrorToast } from '@/lib/show-error-toast';

/** Tab pages cannot be opened with navigateTo (and switchTab drops the query). */
const tabPages = new Set([
  '/pages/index/index',
  '/pages/tips/index',
  '/pages/sessions/index',
  '/pages/promotions/index',
  '/pages/me/index',
]);

/** Opens the page a notice points to; only our own pages, never an outside address. */
export async function openNoticeLink(link: string): Promise<void> {
  const path = link.startsWith('/') ? link : `/${link}`;
  if (!/^\/(pages|owner)\//.test(path)) return;
  try {
    const bare = path.split('?')[0]!;
    if (tabPages.has(bare)) await Taro.switchTab({ url: bare });
    else await Taro.navigateTo({ url: path });
  } catch (error) {
    showErrorToast(error);
  }
}
