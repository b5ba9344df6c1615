import Taro from '@tarojs/taro';
import { withPermission } from '@/lib/device-permission';

/** WeChat scans with the camera; the browser build has no scanner (the typed code serves there). */
export function canScanQrCode(): boolean {
  return process.env.TARO_ENV === 'weapp' && typeof Taro.scanCode === 'function';
}

/**
 * Opens the camera for a QR code and answers what it read; undefined when the member cancelled or
 * refused the camera (`withPermission` explains a refusal and offers 去设置).
 */
export async function scanQrCode(): Promise<string | undefined> {
  const result = await withPermission('camera', () =>
    Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] }),
  );
  return result?.result || undefined;
}
