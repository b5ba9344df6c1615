import Taro from '@tarojs/taro';
import type { AuthResult } from '@/domain/contract/auth';
import { ApiError } from './api-error';
import { api } from './request';

/** Silent WeChat login: the one-time code from `Taro.login` is exchanged by the server for a login session. */
export async function loginWithWechat(): Promise<AuthResult> {
  let code: string;
  try {
    ({ code } = await Taro.login());
  } catch {
    throw new ApiError('WECHAT_LOGIN_FAILED', { status: 0 });
  }
  return api.post<AuthResult>('/api/auth/wechat', { code });
}
