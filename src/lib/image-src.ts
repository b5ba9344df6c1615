import { apiUrl } from './api-address';

/**
 * Upload URLs are relative to the API; the weapp needs them absolute. Apart from ./uploads: cards on
 * the tab pages show pictures, and only forms in subpackages upload them.
 */
export function imageSrc(url: string): string {
  return url.startsWith('/') ? apiUrl(url) : url;
}
