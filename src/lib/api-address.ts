/** An API path as a URL: same origin in H5, the HTTPS address of `TARO_APP_API_BASE` in WeChat. */
export function apiUrl(path: string): string {
  return `${process.env.TARO_APP_API_BASE ?? ''}${path}`;
}

/** The headers of a JSON call to the API: my session's token when I have one. */
export function jsonHeaders(token: string | null): Record<string, string> {
  return token
    ? { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }
    : { 'Content-Type': 'application/json' };
}
