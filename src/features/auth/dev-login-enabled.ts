/** The demo-user login exists only in H5 builds that turn it on; WeChat always logs in silently. */
export function isDevLoginEnabled(): boolean {
  return process.env.TARO_ENV === 'h5' && process.env.TARO_APP_DEV_LOGIN === 'true';
}
