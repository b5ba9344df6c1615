import Taro from '@tarojs/taro';
import { apiUrl, jsonHeaders } from './api-address';
import { useLoginSession } from './login-session';

type Response = Taro.request.SuccessCallbackResult;

/**
 * GETs the H5 app starts at launch, before its first page's code has even loaded
 * (src/launch-requests.h5.ts). The first identical GET of the request layer (same path, same
 * session) takes the answer instead of asking again. Its own module, so the WeChat build, where
 * the request layer never asks, leaves it out entirely.
 */
let started: Map<string, { at: number; response: Promise<Response> }> | undefined;
const freshMs = 10_000;

export function startLaunchGet(path: string): void {
  const token = useLoginSession.getState().token;
  if (!token) return;
  const response = Taro.request({
    url: apiUrl(path),
    method: 'GET',
    header: jsonHeaders(token),
    dataType: 'json',
  });
  // Nobody may take it; a failure is retried by the page's own request.
  response.catch(() => undefined);
  started ??= new Map();
  started.set(`${token} ${path}`, { at: Date.now(), response });
}

export function takeLaunchGet(path: string, token: string | null): Promise<Response> | undefined {
  const key = `${token} ${path}`;
  const launched = started?.get(key);
  started?.delete(key);
  return launched && Date.now() - launched.at < freshMs ? launched.response : undefined;
}
