/**
 * What is wrong with the API address a WeChat build would call (`TARO_APP_API_BASE`), or null.
 * WeChat cannot call a relative URL, so without an address every request fails and 首页 shows
 * only 网络连接失败. A release build must name an https address (WeChat calls only the https
 * domains registered in the admin console); a development build for DevTools may name the local
 * `http://127.0.0.1:3000` (with DevTools' domain check off). The H5 build calls its own origin.
 */
export function weappApiAddressProblem(address: string | undefined, release: boolean): string | null {
  const where = release ? 'set it in .env.production' : 'set it in .env.development';
  if (!address) return `TARO_APP_API_BASE is empty: a WeChat build needs the API's address (${where}).`;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return `TARO_APP_API_BASE "${address}" is not an absolute URL (${where}).`;
  }
  if (release && url.protocol !== 'https:')
    return `TARO_APP_API_BASE "${address}" is not https://: WeChat calls only https domains (${where}).`;
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `TARO_APP_API_BASE "${address}" is not an http(s) address (${where}).`;
  if (address.endsWith('/') || url.search || url.hash)
    return `TARO_APP_API_BASE "${address}" must end before /api (no trailing slash, query or hash).`;
  return null;
}
