import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { loginPath, pageUrl } from '@/domain/page-paths';
import { useLoginSession } from '@/lib/login-session';
import { loginWithWechat } from '@/lib/login-with-wechat';
import { isDevLoginEnabled } from '../dev-login-enabled';

export type SignInStatus = 'signed-in' | 'signing-in' | 'failed' | 'unavailable';

// Several tab pages mount at once; they share one silent login instead of racing.
let pendingWechatLogin: Promise<void> | null = null;

function signInWithWechatOnce(): Promise<void> {
  pendingWechatLogin ??= loginWithWechat()
    .then((auth) => useLoginSession.getState().signIn(auth))
    .finally(() => {
      pendingWechatLogin = null;
    });
  return pendingWechatLogin;
}

/**
 * Makes sure someone is signed in: in WeChat silently, in H5 by sending the visitor to the
 * demo-user login page (which brings them back here). Runs again whenever the token goes away (logout, expired session).
 */
export function useEnsureSignedIn(): { status: SignInStatus; error: unknown; retry: () => void } {
  const token = useLoginSession((state) => state.token);
  const [error, setError] = useState<unknown>(null);
  const router = useRouter();
  const here = pageUrl(router.path, router.params);

  const signIn = useCallback(() => {
    if (process.env.TARO_ENV === 'weapp') {
      setError(null);
      signInWithWechatOnce().catch(setError);
    } else if (isDevLoginEnabled()) {
      Taro.reLaunch({ url: loginPath(here) });
    }
  }, [here]);

  useEffect(() => {
    if (!token) signIn();
  }, [token, signIn]);

  if (token) return { status: 'signed-in', error: null, retry: signIn };
  if (error) return { status: 'failed', error, retry: signIn };
  if (process.env.TARO_ENV === 'weapp' || isDevLoginEnabled()) {
    return { status: 'signing-in', error: null, retry: signIn };
  }
  return { status: 'unavailable', error: null, retry: signIn };
}
