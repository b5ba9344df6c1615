import Taro from '@tarojs/taro';
import type { UploadView } from '@/domain/contract/uploads';
import { apiUrl } from './api-address';
import { ApiError, apiErrorFromResponse } from './api-error';
import { useLoginSession } from './login-session';

/** Sends a local image (a chooseAvatar or chooseImage temp path) to POST /api/uploads. */
export async function uploadImage(filePath: string): Promise<UploadView> {
  const token = useLoginSession.getState().token;
  let response: Taro.uploadFile.SuccessCallbackResult;
  try {
    response = await Taro.uploadFile({
      url: apiUrl('/api/uploads'),
      filePath,
      name: 'file',
      header: token ? { Authorization: `Bearer ${token}` } : {},
    });
  } catch {
    throw new ApiError('NETWORK_ERROR', { status: 0 });
  }
  // uploadFile hands back the body as text.
  let body: unknown;
  try {
    body = JSON.parse(response.data);
  } catch {
    body = null;
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return body as UploadView;
  throw apiErrorFromResponse(response.statusCode, body);
}

/** Upload URLs are relative to the API; the weapp needs them absolute. */
export function imageSrc(url: string): string {
  return url.startsWith('/') ? apiUrl(url) : url;
}
