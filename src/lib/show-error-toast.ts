import Taro from '@tarojs/taro';
import { messageFor } from '@/domain/error-codes';
import { isApiError } from './api-error';

/** One toast for any failure a caller chose to surface; unknown errors get the generic server message. */
export function showErrorToast(error: unknown): void {
  const title = isApiError(error) ? error.message : messageFor('INTERNAL_ERROR');
  Taro.showToast({ title, icon: 'none', duration: 2500 });
}
