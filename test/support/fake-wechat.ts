import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type CodeBehaviour =
  | { kind: 'ok'; openid: string; unionid?: string; sessionKey?: string }
  | { kind: 'errcode'; errcode: number }
  | { kind: 'delay'; ms: number; openid: string }
  | { kind: 'status'; status: number };

/** How the fake answers one `subscribeMessage.send` call. */
export type SendBehaviour =
  | { kind: 'ok' }
  | { kind: 'errcode'; errcode: number }
  | { kind: 'status'; status: number }
  | { kind: 'delay'; ms: number };

/** How the fake answers one `mediaCheckAsync` call; the verdict comes later, pushed by the test. */
export type MediaCheckBehaviour =
  | { kind: 'ok' }
  | { kind: 'errcode'; errcode: number }
  | { kind: 'status'; status: number };

export interface MediaCheckCall {
  accessToken: string | null;
  body: { media_url: string; media_type: number; version: number; scene: number; openid: string };
  /** The trace id answered (absent when the call failed). */
  traceId?: string;
}

export interface SubscribeSendCall {
  accessToken: string | null;
  body: { touser: string; template_id: string; page: string; data: Record<string, { value: string }> };
}

export interface FakeWechat {
  baseUrl: string;
  appid: string;
  secret: string;
  /** How jscode2session answers this code; unknown codes get errcode 40029 (invalid code). */
  setCode(code: string, behaviour: CodeBehaviour): void;
  /** msgSecCheck answers "risky" for text containing any of these. */
  riskyWords: string[];
  /** The next msgSecCheck answers 40001 (token replaced elsewhere), once. */
  expireTokenOnce(): void;
  tokenRequests: number;
  secCheckRequests: Array<{ accessToken: string | null; body: Record<string, unknown> }>;
  /** Decides the answer of each subscribe-message send; default: delivered. */
  sendBehaviour: (call: SubscribeSendCall, callNumber: number) => SendBehaviour;
  sendCalls: SubscribeSendCall[];
  /** Decides the answer of each mediaCheckAsync call; default: accepted, with trace id `trace-<n>`. */
  mediaCheckBehaviour: (call: MediaCheckCall, callNumber: number) => MediaCheckBehaviour;
  mediaCheckCalls: MediaCheckCall[];
  /** Messages WeChat accepted and the caller heard about, by `page` (a caller that hung up gets none). */
  deliveredByPage: Map<string, number>;
  /** Resolves once every request received so far has been answered (or given up), delays included. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

function sendJson(response: http.ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text;
}

/**
 * A stand-in for api.weixin.qq.com over real HTTP, so timeouts and refused connections are real too:
 * login (jscode2session), access tokens, msgSecCheck, mediaCheckAsync and subscribe-message sends.
 * mediaCheckAsync's verdict is pushed by the test when it chooses (`test/support/wechat-push.ts`).
 */
export async function startFakeWechat(): Promise<FakeWechat> {
  const codes = new Map<string, CodeBehaviour>();
  const issuedTokens = new Set<string>();
  let expireNext = false;

  const inFlight = new Set<Promise<unknown>>();
  const fake: Omit<FakeWechat, 'baseUrl' | 'close' | 'settled'> = {
    appid: 'wx-test-appid',
    secret: 'test-secret',
    setCode: (code, behaviour) => codes.set(code, behaviour),
    riskyWords: ['违规测试词'],
    expireTokenOnce: () => {
      expireNext = true;
    },
    tokenRequests: 0,
    secCheckRequests: [],
    sendBehaviour: () => ({ kind: 'ok' }),
    sendCalls: [],
    mediaCheckBehaviour: () => ({ kind: 'ok' }),
    mediaCheckCalls: [],
    deliveredByPage: new Map(),
  };

  const handle = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const query = url.searchParams;
    if (url.pathname === '/sns/jscode2session') {
      if (query.get('appid') !== fake.appid || query.get('secret') !== fake.secret) {
        return sendJson(response, 200, { errcode: 40125, errmsg: 'invalid appsecret' });
      }
      const behaviour = codes.get(query.get('js_code') ?? '');
      if (!behaviour) return sendJson(response, 200, { errcode: 40029, errmsg: 'invalid code' });
      if (behaviour.kind === 'errcode')
        return sendJson(response, 200, { errcode: behaviour.errcode, errmsg: 'x' });
      if (behaviour.kind === 'status')
        return sendJson(response, behaviour.status, { errmsg: 'server error' });
      if (behaviour.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, behaviour.ms));
      if (response.destroyed) return;
      return sendJson(response, 200, {
        openid: behaviour.openid,
        session_key: behaviour.kind === 'ok' ? (behaviour.sessionKey ?? 'session-key') : 'session-key',
        ...(behaviour.kind === 'ok' && behaviour.unionid ? { unionid: behaviour.unionid } : {}),
      });
    }
    if (url.pathname === '/cgi-bin/token') {
      fake.tokenRequests += 1;
      const token = `access-token-${fake.tokenRequests}`;
      issuedTokens.add(token);
      return sendJson(response, 200, { access_token: token, expires_in: 7200 });
    }
    if (url.pathname === '/wxa/msg_sec_check' && request.method === 'POST') {
      const body = JSON.parse(await readBody(request)) as Record<string, unknown>;
      const accessToken = query.get('access_token');
      fake.secCheckRequests.push({ accessToken, body });
      if (expireNext || !accessToken || !issuedTokens.has(accessToken)) {
        expireNext = false;
        return sendJson(response, 200, { errcode: 40001, errmsg: 'invalid credential' });
      }
      const content = String(body.content ?? '');
      const risky = fake.riskyWords.some((word) => content.includes(word));
      return sendJson(response, 200, {
        errcode: 0,
        errmsg: 'ok',
        result: { suggest: risky ? 'risky' : 'pass', label: risky ? 20006 : 100 },
      });
    }
    if (url.pathname === '/wxa/media_check_async' && request.method === 'POST') {
      const accessToken = query.get('access_token');
      const call: MediaCheckCall = { accessToken, body: JSON.parse(await readBody(request)) };
      fake.mediaCheckCalls.push(call);
      if (!accessToken || !issuedTokens.has(accessToken)) {
        return sendJson(response, 200, { errcode: 40001, errmsg: 'invalid credential' });
      }
      const behaviour = fake.mediaCheckBehaviour(call, fake.mediaCheckCalls.length);
      if (behaviour.kind === 'errcode')
        return sendJson(response, 200, { errcode: behaviour.errcode, errmsg: 'fake' });
      if (behaviour.kind === 'status') return sendJson(response, behaviour.status, { errmsg: 'fake outage' });
      call.traceId = `trace-${fake.mediaCheckCalls.length}`;
      return sendJson(response, 200, { errcode: 0, errmsg: 'ok', trace_id: call.traceId });
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send' && request.method === 'POST') {
      const call: SubscribeSendCall = {
        accessToken: query.get('access_token'),
        body: JSON.parse(await readBody(request)),
      };
      fake.sendCalls.push(call);
      const behaviour = fake.sendBehaviour(call, fake.sendCalls.length);
      if (behaviour.kind === 'errcode')
        return sendJson(response, 200, { errcode: behaviour.errcode, errmsg: 'fake' });
      if (behaviour.kind === 'status') return sendJson(response, behaviour.status, { errmsg: 'fake outage' });
      if (behaviour.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, behaviour.ms));
      // The caller gave up (timeout): it never learns of this send, so it does not count as delivered.
      if (response.destroyed || request.socket.destroyed) return;
      fake.deliveredByPage.set(call.body.page, (fake.deliveredByPage.get(call.body.page) ?? 0) + 1);
      return sendJson(response, 200, { errcode: 0, errmsg: 'ok' });
    }
    return sendJson(response, 404, { errcode: -1, errmsg: 'not found' });
  };
  const server = http.createServer((request, response) => {
    const handling = handle(request, response);
    inFlight.add(handling);
    void handling.finally(() => inFlight.delete(handling));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    baseUrl: `http://127.0.0.1:${port}`,
    settled: async () => {
      await Promise.allSettled([...inFlight]);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
