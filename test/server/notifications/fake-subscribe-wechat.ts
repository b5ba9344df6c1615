import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake answers one `subscribeMessage.send` call. */
export type SendBehaviour =
  | { kind: 'ok' }
  | { kind: 'errcode'; errcode: number }
  | { kind: 'status'; status: number }
  | { kind: 'delay'; ms: number };

export interface SubscribeSendCall {
  accessToken: string | null;
  body: { touser: string; template_id: string; page: string; data: Record<string, { value: string }> };
}

export interface FakeSubscribeWechat {
  baseUrl: string;
  appid: string;
  secret: string;
  /** Decides the answer of each send; default: delivered. */
  behaviour: (call: SubscribeSendCall, callNumber: number) => SendBehaviour;
  calls: SubscribeSendCall[];
  /** Messages WeChat accepted and told us about, by `page` (the caller hung up on none of them). */
  deliveredByPage: Map<string, number>;
  tokenRequests: number;
  close(): Promise<void>;
}

/** A stand-in for WeChat's token and subscribe-send endpoints over real HTTP (timeouts are real). */
export async function startFakeSubscribeWechat(): Promise<FakeSubscribeWechat> {
  const fake: Omit<FakeSubscribeWechat, 'baseUrl' | 'close'> = {
    appid: 'wx-test-appid',
    secret: 'test-secret',
    behaviour: () => ({ kind: 'ok' }),
    calls: [],
    deliveredByPage: new Map(),
    tokenRequests: 0,
  };
  const json = (response: http.ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };

  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    if (url.pathname === '/cgi-bin/token') {
      fake.tokenRequests += 1;
      return json(response, 200, { access_token: `token-${fake.tokenRequests}`, expires_in: 7200 });
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send' && request.method === 'POST') {
      let text = '';
      for await (const chunk of request) text += chunk;
      const call: SubscribeSendCall = {
        accessToken: url.searchParams.get('access_token'),
        body: JSON.parse(text),
      };
      fake.calls.push(call);
      const behaviour = fake.behaviour(call, fake.calls.length);
      if (behaviour.kind === 'errcode')
        return json(response, 200, { errcode: behaviour.errcode, errmsg: 'fake' });
      if (behaviour.kind === 'status') return json(response, behaviour.status, { errmsg: 'fake outage' });
      if (behaviour.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, behaviour.ms));
      // The client gave up (timeout): it never learns of this send, so it does not count as delivered.
      if (response.destroyed || request.socket.destroyed) return;
      const page = call.body.page;
      fake.deliveredByPage.set(page, (fake.deliveredByPage.get(page) ?? 0) + 1);
      return json(response, 200, { errcode: 0, errmsg: 'ok' });
    }
    return json(response, 404, { errcode: -1, errmsg: 'not found' });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
