import Taro from '../shims/taro';

export interface RequestCall {
  url: string;
  method: string;
  data?: unknown;
  header: Record<string, string>;
}

/** What a fake endpoint answers: a status and body, or a dropped connection. */
export type Reply = { status?: number; body?: unknown } | 'network-error';

/**
 * Answers Taro.request by `METHOD /path` (e.g. `GET /api/me`). A function reply sees the call
 * and can answer differently each time, or later (a promise). An unknown route fails the test loudly.
 */
export function mockApi(
  routes: Record<string, Reply | ((call: RequestCall) => Reply | Promise<Reply>)>,
): void {
  Taro.request.mockImplementation(async (options: unknown) => {
    const call = options as RequestCall;
    const key = `${call.method ?? 'GET'} ${call.url}`;
    const route = routes[key];
    if (!route) throw new Error(`No mock for ${key}`);
    const reply = typeof route === 'function' ? await route(call) : route;
    if (reply === 'network-error') throw { errMsg: 'request:fail' };
    return { statusCode: reply.status ?? 200, data: reply.body, header: {}, errMsg: 'request:ok' };
  });
}

export function requestCalls(): RequestCall[] {
  return Taro.request.mock.calls.map(([options]) => options as RequestCall);
}
