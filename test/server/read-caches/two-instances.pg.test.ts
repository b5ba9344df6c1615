import { eq, sql } from 'drizzle-orm';
import { type App, buildApp } from '../../../server/app';
import type { DatabaseHandle } from '../../../server/db/database';
import { tips } from '../../../server/db/schema';
import { LoginCache } from '../../../server/modules/auth/login-cache';
import { hashLoginToken } from '../../../server/modules/auth/login-token';
import { FeedCache } from '../../../server/modules/tips/feed-cache';
import {
  type ReadCaches,
  type RunningReadCaches,
  startReadCaches,
} from '../../../server/read-caches/start-read-caches';
import type { TipCardView } from '../../../src/domain/contract/tips';
import { createCommunity, devLogin, joinCommunity, type SignedInUser } from '../../support/api-session';
import { testConfig } from '../../support/test-app';
import { openTwoInstances, type TwoInstances, testDatabaseUrl } from '../../support/test-database';
import { publishedTip } from '../tips/tip-fixtures';

/**
 * Two instances on one PostgreSQL, each with its own read caches: a logout, a removal, a role
 * change, a tip published or liked on one instance holds on the other as soon as PostgreSQL's
 * notice arrives, and on the same instance at once.
 */

const serverUrl = testDatabaseUrl();
const describeOnPostgres = serverUrl ? describe : describe.skip;

interface Instance {
  app: App;
  caches: ReadCaches;
  listener: RunningReadCaches;
}

/** Polls until the condition holds; the notices travel over real connections. */
async function eventually(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function startInstance(handle: DatabaseHandle): Promise<Instance> {
  const running = startReadCaches(handle.listenForChanges);
  const caches = running.caches!;
  const app = await buildApp({ db: handle.db, config: testConfig, readCaches: caches });
  await eventually('the instance listens', () => caches.login.isListening);
  return { app, caches, listener: running };
}

describeOnPostgres('reads cached on two instances', () => {
  let instances: TwoInstances;
  let a: Instance;
  let b: Instance;
  let owner: SignedInUser;
  let communityId: string;
  let inviteCode: string;

  beforeAll(async () => {
    instances = await openTwoInstances(serverUrl!);
    a = await startInstance(instances.first);
    b = await startInstance(instances.second);
    owner = await devLogin(a.app, '缓存群主');
    const community = await createCommunity(a.app, owner);
    communityId = community.id;
    inviteCode = community.inviteCode!;
  });
  afterAll(async () => {
    for (const instance of [a, b]) {
      await instance?.app.close();
      await instance?.listener.close();
    }
    await instances?.close();
  });

  const readTips = (instance: Instance, user: SignedInUser) =>
    instance.app.inject({ url: `/api/communities/${communityId}/tips`, headers: user.headers });

  async function newMember(name: string) {
    const member = await devLogin(a.app, name);
    await joinCommunity(a.app, member, inviteCode);
    return member;
  }

  it('answers a repeated read without asking PostgreSQL for the login again', async () => {
    const member = await newMember('缓存成员一');
    // The join's own notice may reach b while its first read is on the way, and keep it from being stored.
    const key = LoginCache.key(hashLoginToken(member.token), communityId);
    await eventually(
      'instance b holds the login',
      async () =>
        (await readTips(b, member)).statusCode === 200 &&
        b.caches.login.lookup(key, Date.now()) !== undefined,
    );
    // The session deleted behind the triggers' back: no notice, so only a cached login still answers.
    const db = instances.first.db;
    await db.execute(sql`alter table auth_sessions disable trigger auth_sessions_login_change`);
    try {
      await db.execute(sql`delete from auth_sessions where user_id = ${member.user.id}`);
    } finally {
      await db.execute(sql`alter table auth_sessions enable trigger auth_sessions_login_change`);
    }
    expect((await readTips(b, member)).statusCode).toBe(200);
    // A write always asks PostgreSQL who is writing.
    const write = await b.app.inject({ method: 'POST', url: '/api/auth/logout', headers: member.headers });
    expect(write.statusCode).toBe(401);
    // And once this instance has written anything, its next reads ask again.
    expect((await readTips(b, member)).statusCode).toBe(401);
  });

  it('refuses a member removed on the other instance once the notice arrives', async () => {
    const member = await newMember('缓存成员二');
    expect((await readTips(b, member)).statusCode).toBe(200);
    const removal = await a.app.inject({
      method: 'POST',
      url: `/api/communities/${communityId}/members/${member.user.id}/removal`,
      headers: owner.headers,
      payload: { reason: '多次发广告', block: false },
    });
    expect(removal.statusCode).toBe(204);
    await eventually(
      'instance b refuses the removed member',
      async () => (await readTips(b, member)).statusCode === 403,
    );
    expect((await readTips(b, member)).json().code).toBe('NOT_A_MEMBER');
  });

  it('refuses a removed member on the same instance at once, before any notice', async () => {
    const member = await newMember('缓存成员三');
    expect((await readTips(a, member)).statusCode).toBe(200);
    await a.app.inject({
      method: 'POST',
      url: `/api/communities/${communityId}/members/${member.user.id}/removal`,
      headers: owner.headers,
      payload: { reason: '多次发广告', block: false },
    });
    expect((await readTips(a, member)).statusCode).toBe(403);
  });

  it('ends a session logged out on the other instance', async () => {
    const member = await newMember('缓存成员四');
    expect((await b.app.inject({ url: '/api/me', headers: member.headers })).statusCode).toBe(200);
    expect((await readTips(b, member)).statusCode).toBe(200);
    const logout = await a.app.inject({ method: 'POST', url: '/api/auth/logout', headers: member.headers });
    expect(logout.statusCode).toBeLessThan(300);
    await eventually('instance b ends the session', async () => {
      const [me, tips] = await Promise.all([
        b.app.inject({ url: '/api/me', headers: member.headers }),
        readTips(b, member),
      ]);
      return me.statusCode === 401 && tips.statusCode === 401;
    });
  });

  it('shows a role given on the other instance', async () => {
    const member = await newMember('缓存成员五');
    const members = () =>
      b.app.inject({
        url: `/api/communities/${communityId}/members/search`,
        query: { q: '缓存' },
        headers: member.headers,
      });
    expect((await members()).statusCode).toBe(403);
    const promotion = await a.app.inject({
      method: 'PUT',
      url: `/api/communities/${communityId}/members/${member.user.id}/role`,
      headers: owner.headers,
      payload: { role: 'secretary' },
    });
    expect(promotion.statusCode).toBe(200);
    await eventually(
      'instance b lets the new secretary search members',
      async () => (await members()).statusCode === 200,
    );
  });

  it('asks PostgreSQL again while its notices are cut off, and caches once they are back', async () => {
    const member = await newMember('缓存成员六');
    expect((await readTips(b, member)).statusCode).toBe(200);
    await instances.first.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where query like 'LISTEN %' and datname = current_database()`,
    );
    await eventually(
      'the instances stop trusting their caches',
      () => !a.caches.login.isListening || !b.caches.login.isListening,
    );
    // A change made while a listener is away is not missed: the cache starts empty when it is back.
    await instances.first.db.execute(sql`delete from auth_sessions where user_id = ${member.user.id}`);
    await eventually(
      'instance b refuses the deleted session',
      async () => (await readTips(b, member)).statusCode === 401,
    );
    await eventually('both listen again', () => a.caches.login.isListening && b.caches.login.isListening);
  });

  describe('the feed', () => {
    const latestPageKey = () => FeedCache.key(communityId, 'members', 'latest|');
    const feedItems = async (instance: Instance, user: SignedInUser) => {
      const response = await readTips(instance, user);
      expect(response.statusCode).toBe(200);
      return response.json<{ items: TipCardView[] }>().items;
    };

    it('serves 最新 from its cache until a tip changes on the other instance', async () => {
      const member = await newMember('缓存成员七');
      const tip = await publishedTip(a.app, owner, communityId, { title: '缓存里的技巧' });
      await eventually(
        'instance b holds the page',
        async () =>
          (await feedItems(b, member)).some((item) => item.id === tip.id) &&
          b.caches.feed.lookup(latestPageKey()) !== undefined,
      );
      const db = instances.first.db;
      await db.execute(sql`alter table tips disable trigger tips_feed_change`);
      try {
        await db.update(tips).set({ title: '无人知晓' }).where(eq(tips.id, tip.id));
      } finally {
        await db.execute(sql`alter table tips enable trigger tips_feed_change`);
      }
      expect((await feedItems(b, member)).find((item) => item.id === tip.id)?.title).toBe('缓存里的技巧');

      const like = await a.app.inject({
        method: 'PUT',
        url: `/api/tips/${tip.id}/like`,
        headers: member.headers,
      });
      expect(like.statusCode).toBeLessThan(300);
      await eventually('instance b shows the like', async () => {
        const card = (await feedItems(b, member)).find((item) => item.id === tip.id);
        return card?.likeCount === 1 && card.title === '无人知晓';
      });
    });

    it('counts a like on the same instance at once, before any notice', async () => {
      const member = await newMember('缓存成员八');
      const tip = await publishedTip(a.app, owner, communityId, { title: '马上点赞的技巧' });
      await eventually('instance b holds the page', async () => {
        const card = (await feedItems(b, member)).find((item) => item.id === tip.id);
        return card !== undefined && b.caches.feed.lookup(latestPageKey()) !== undefined;
      });
      const like = await b.app.inject({
        method: 'PUT',
        url: `/api/tips/${tip.id}/like`,
        headers: member.headers,
      });
      expect(like.statusCode).toBeLessThan(300);
      expect((await feedItems(b, member)).find((item) => item.id === tip.id)?.likeCount).toBe(1);
    });
  });
});
