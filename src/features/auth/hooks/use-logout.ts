import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import { pagePaths } from '@/domain/page-paths';
import { useLoginSession } from '@/lib/login-session';
import { logout } from '../api/logout';

/** Forgets the session and starts over from 首页, which signs in again (silently in WeChat). */
export function useLogout(): () => Promise<void> {
  return useCallback(async () => {
    const { confirm } = await Taro.showModal({ title: '退出登录', content: '确定退出登录吗？' });
    if (!confirm) return;
    // Signing out locally must work offline too; the server's session then simply expires.
    await logout().catch(() => undefined);
    useLoginSession.getState().clearLoginSession();
    Taro.reLaunch({ url: pagePaths.home });
  }, []);
}
