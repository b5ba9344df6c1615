import { count, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../../server/db/database';
import { openPostgres } from '../../../server/db/open-database';
import { inboxMessages, notices, subscribeConsents, tips } from '../../../server/db/schema';
import { enqueueNotices } from '../../../server/modules/notifications';
import type { SignUpResult } from '../../../src/domain/contract/sessions';
import { type FakeWechat, startFakeWechat } from '../../support/fake-wechat';
import { type ServerProcess, startServerProcess } from '../../support/server-process';
import {
  createFreshPostgresDatabase,
  type FreshPostgresDatabase,
  instanceEnv,
  testDatabaseUrl,
} from '../../support/test-database';
import { reminderNotice } from '../notifications/notice-fixtures';
import { sessionInput } from '../sessions/session-fixtures';

/**
 * Two server processes behind one PostgreSQL, both running the background work: every notice is
 * sent once, every scheduled tip published once, and sign-ups spread over both never overbook.
 * Under `npm run test:pooler` both reach PostgreSQL through PgBouncer in transaction mode.
 */

const serverUrl = testDatabaseUrl();
const describeOnPostgres = serverUrl ? describe : describe.skip;

async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 45_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

type Headers = Record<string, string>;

async function call<T>(base: string, method: string, path: string, headers: Headers, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function logIn(base: string, name: string): Promise<Headers> {
  const { body } = await call<{ token: string }>(base, 'POST', '/api/auth/dev', {}, { name });
  return { authorization: `Bearer ${body.token}` };
}

describeOnPostgres('two server processes on one PostgreSQL', () => {
  let database: FreshPostgresDatabase;
  let handle: DatabaseHandle;
  let wechat: FakeWechat;
  let servers: ServerProcess[] = [];
  let urls: string[];

  beforeAll(async () => {
    database = await createFreshPostgresDatabase(serverUrl!);
    handle = openPostgres(database.url);
    await handle.migrate();
    wechat = await startFakeWechat();
    const env = {
      NODE_ENV: 'development',
      ...instanceEnv(database.url),
      ENABLE_DEV_LOGIN: '1',
      BACKGROUND_JOBS: '1',
      WECHAT_API_BASE: wechat.baseUrl,
      WECHAT_APPID: wechat.appid,
      WECHAT_SECRET: wechat.secret,
      WECHAT_SEND: 'wechat',
      WECHAT_TEMPLATE_SESSION_REMINDER: 'tmpl-reminder',
      RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
      RATE_LIMIT_WRITES_PER_USER_PER_MINUTE: '100000',
      RATE_LIMIT_WRITES_PER_ADDRESS_PER_MINUTE: '100000',
    };
    servers = [startServerProcess(env), startServerProcess(env)];
    urls = await Promise.all(servers.map((server) => server.listening()));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await handle?.close();
    await wechat?.close();
    await database?.drop();
  });

  it('never overbooks sign-ups spread over both, publishes each scheduled tip once and sends each notice once', async () => {
    const [a, b] = urls as [string, string];
    const owner = await logIn(a, '扩容群主');
    const community = await call<{ id: string; inviteCode: string }>(a, 'POST', '/api/communities', owner, {
      name: '扩容测试群',
      goal: '两台服务器一起干活',
      rules: '不超卖',
    });
    expect(community.status).toBe(201);
    const communityId = community.body.id;

    // 60 members, each served by one of the two processes, for 20 seats.
    const members = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const base = i % 2 === 0 ? a : b;
        const headers = await logIn(base, `扩容成员${i}`);
        await call(base, 'POST', '/api/communities/join', headers, { inviteCode: community.body.inviteCode });
        return { base, headers };
      }),
    );
    const session = await call<{ id: string }>(
      a,
      'POST',
      `/api/communities/${communityId}/sessions`,
      owner,
      sessionInput({ capacity: 20 }),
    );
    expect(session.status).toBe(201);
    const signUps = await Promise.all(
      members.map(({ base, headers }) =>
        call<SignUpResult>(base, 'POST', `/api/sessions/${session.body.id}/signups`, headers, {}),
      ),
    );
    expect(signUps.map((r) => r.status).every((status) => status === 200 || status === 201)).toBe(true);
    const confirmed = signUps.filter((r) => r.body.status === 'confirmed');
    const positions = signUps.flatMap((r) => (r.body.status === 'waitlisted' ? [r.body.position] : []));
    expect(confirmed).toHaveLength(20);
    expect(positions.sort((x, y) => x! - y!)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));

    // Ten tips scheduled two seconds ahead: both processes run the publisher.
    const publishAt = new Date(Date.now() + 2_000).toISOString();
    for (let i = 0; i < 10; i++) {
      const created = await call(a, 'POST', `/api/communities/${communityId}/tips`, owner, {
        title: `定时技巧${i}`,
        body: '到点自动发布',
        steps: ['等一等'],
        tags: ['扩容'],
        minutes: 1,
        publishAt,
      });
      expect(created.status).toBe(201);
    }

    // A hundred due notices with consents: both processes run the dispatcher.
    const me = await Promise.all(
      members
        .slice(0, 10)
        .map(({ base, headers }) => call<{ user: { id: string } }>(base, 'GET', '/api/me', headers)),
    );
    const recipients = me.map((r) => r.body.user.id);
    await handle.db
      .insert(subscribeConsents)
      .values(recipients.map((userId) => ({ userId, templateKey: 'sessionReminder', remaining: 10 })));
    await handle.db.transaction((tx) =>
      enqueueNotices(
        tx,
        Array.from({ length: 100 }, (_, i) =>
          reminderNotice(recipients[i % 10]!, communityId, { link: `/member/session/index?id=scale${i}` }),
        ),
      ),
    );

    await until('every scheduled tip published', async () => {
      const rows = await handle.db
        .select({ status: tips.status })
        .from(tips)
        .where(eq(tips.communityId, communityId));
      return rows.length === 10 && rows.every((row) => row.status === 'published');
    });
    const feed = await call<{ items: Array<{ id: string }> }>(
      b,
      'GET',
      `/api/communities/${communityId}/tips?sort=latest`,
      members[1]!.headers,
    );
    expect(new Set(feed.body.items.map((tip) => tip.id)).size).toBe(10);
    expect(feed.body.items).toHaveLength(10);

    await until('every notice sent', async () => {
      const [row] = await handle.db.select({ n: count() }).from(notices).where(eq(notices.status, 'sent'));
      return row!.n >= 100;
    });
    const reminderPages = [...wechat.deliveredByPage.entries()].filter(([page]) => page.includes('scale'));
    expect(reminderPages).toHaveLength(100);
    expect(reminderPages.every(([, times]) => times === 1)).toBe(true);
    const [inbox] = await handle.db.select({ n: count() }).from(inboxMessages);
    expect(inbox!.n).toBeGreaterThanOrEqual(100);
  }, 120_000);
});
