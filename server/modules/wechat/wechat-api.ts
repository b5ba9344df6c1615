import { AppError } from '../../app-error';
import type { Config } from '../../config';

export type WechatApiConfig = Pick<Config, 'wechatApiBase' | 'wechatTimeoutMs'>;

interface WechatRequest {
  query?: Record<string, string>;
  /** Sent as JSON with POST; without it the call is a GET. */
  json?: unknown;
}

/** WeChat answers errors with HTTP 200 and a non-zero `errcode`; callers decide what that means. */
export interface WechatReply {
  errcode?: number;
  errmsg?: string;
}

/**
 * One call to the WeChat API. Network failure, timeout, 5xx or a body that is not JSON mean
 * WeChat is unavailable (503), never our fault (500).
 */
export async function callWechat<T extends WechatReply>(
  config: WechatApiConfig,
  path: string,
  request: WechatRequest = {},
): Promise<T> {
  const url = new URL(`${config.wechatApiBase}${path}`);
  for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
  let response: Response;
  try {
    response = await fetch(url, {
      method: request.json === undefined ? 'GET' : 'POST',
      headers: request.json === undefined ? undefined : { 'content-type': 'application/json' },
      body: request.json === undefined ? undefined : JSON.stringify(request.json),
      signal: AbortSignal.timeout(config.wechatTimeoutMs),
    });
  } catch (cause) {
    throw Object.assign(new AppError('WECHAT_UNAVAILABLE', 503), { cause });
  }
  if (!response.ok) throw new AppError('WECHAT_UNAVAILABLE', 503);
  try {
    return (await response.json()) as T;
  } catch (cause) {
    throw Object.assign(new AppError('WECHAT_UNAVAILABLE', 503), { cause });
  }
}
