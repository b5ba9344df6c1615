/** The one API client: JSON in and out, the session token attached, failures thrown as `ApiError`. No UI here. */
import Taro from '@tarojs/taro';
import { apiUrl, jsonHeaders } from './api-address';
import { ApiError, apiErrorFromResponse } from './api-error';
import { takeLaunchGet } from './launch-gets';
import { useLoginSession } from './login-session';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  method?: Method;
  body?: unknown;
}

export async function request<T>(path: string, { method = 'GET', body }: RequestOptions = {}): Promise<T> {
  const token = useLoginSession.getState().token;
  const send = () =>
    Taro.request({ url: apiUrl(path), method, data: body, header: jsonHeaders(token), dataType: 'json' });
  // A constant per build: the WeChat build folds it and leaves the launch GETs out entirely.
  const launched = process.env.TARO_ENV === 'h5' && method === 'GET' && takeLaunchGet(path, token);

  let response: Taro.request.SuccessCallbackResult;
  try {
    response = await (launched || send());
  } catch {
    // Only a read is safe to repeat: a write may have reached the server before the connection dropped.
    if (method !== 'GET') throw new ApiError('NETWORK_ERROR', { status: 0 });
    try {
      response = await send();
    } catch {
      throw new ApiError('NETWORK_ERROR', { status: 0 });
    }
  }

  if (response.statusCode >= 200 && response.statusCode < 300) return response.data as T;

  const error = apiErrorFromResponse(response.statusCode, response.data);
  if (error.code === 'SESSION_EXPIRED') useLoginSession.getState().clearLoginSession();
  throw error;
}

// Writes always send a JSON body: the server rejects an empty body declared as JSON.
export const api = {
  get: <T>(path: string) => request<T>(path),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PUT', body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PATCH', body: body ?? {} }),
};
