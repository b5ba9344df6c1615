/**
 * An API path as a URL: in WeChat on the address of `TARO_APP_API_BASE` (config/api-address.ts checks
 * it at build time); in H5 on the same origin, since the API server serves the H5 app.
 */
export function apiUrl(path: string): string {
  if (process.env.TARO_ENV === 'h5') return path;
  return `${process.env.TARO_APP_API_BASE ?? ''}${path}`;
}

/** The headers of a JSON call to the API: my session's token when I have one. */
export function jsonHeaders(token: string | null): Record<string, string> {
  return token
    ? { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }
    : { 'Content-Type': 'application/json' };
}
