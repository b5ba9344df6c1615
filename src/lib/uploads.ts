import Taro from '@tarojs/taro';
import type { UploadView } from '@/domain/contract/uploads';
import type { PictureUse } from '@/domain/uploads';
import { apiUrl } from './api-address';
import { ApiError, apiErrorFromResponse } from './api-error';
import { useLoginSession } from './login-session';

/**
 * Sends a local image (a chooseAvatar or chooseImage temp path) to POST /api/uploads; `use` picks
 * the scene of WeChat's check of it.
 */
export async function uploadImage(filePath: string, use: PictureUse): Promise<UploadView> {
  const token = useLoginSession.getState().token;
  let response: Taro.uploadFile.SuccessCallbackResult;
  try {
    response = await Taro.uploadFile({
      url: apiUrl('/api/uploads'),
      filePath,
      name: 'file',
      formData: { use },
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

/** Only the uploader gets a picture's address with its preview key: WeChat has not approved it yet. */
export function isPictureUnderCheck(url: string | null): boolean {
  return url?.includes('?key=') ?? false;
}
