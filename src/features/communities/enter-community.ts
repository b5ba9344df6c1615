import Taro from '@tarojs/taro';
import { pagePaths } from '@/domain/page-paths';
import { useLoginSession } from '@/lib/login-session';
import { refreshMe } from './api/get-me';

/** After creating or joining: refresh my memberships, make this community current and show it on 首页. */
export async function enterCommunity(communityId: string): Promise<void> {
  await refreshMe();
  useLoginSession.getState().setCurrentCommunity(communityId);
  await Taro.switchTab({ url: pagePaths.home });
}
