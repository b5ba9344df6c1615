import { wechatAccessTokens } from '../../server/db/schema';
import { checkTextLocally } from '../../server/modules/content-security/local-text-checker';
import { communityInput, createCommunity, devLogin } from '../support/api-session';
import { type FakeWechat, startFakeWechat } from '../support/fake-wechat';
import { rowCounts } from '../support/row-counts';
import { createTestApp, type TestApp } from '../support/test-app';

describe('local rules', () => {
  it.each(['加群交流', '扫码进群', '有问题加我微信', '加 · 群', '赌博'])('refuses "%s"', (text) => {
    expect(checkTextLocally(text)).toEqual({ ok: false, reason: expect.any(String) });
  });

  it('lets ordinary text through', () => {
    expect(checkTextLocally('每人每周学会一个能马上用上的自媒体小技巧')).toEqual({ ok: true });
  });
});

describe('with the local checker', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ contentCheck: 'local' });
  });
  afterAll(() => t.close());

  it('refuses a community with 422 CONTENT_REJECTED, names the fields and saves nothing', async () => {
    const owner = await devLogin(t.app);
    const before = await rowCounts(t.db);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/communities',
      headers: owner.headers,
      payload: communityInput({ goal: '扫码进群领资料', rules: '有事加我微信' }),
    });
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.code).toBe('CONTENT_REJECTED');
    expect(Object.keys(body.fields).sort()).toEqual(['goal', 'rules']);
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('refuses a PATCH the same way and keeps the old text', async () => {
    const owner = await devLogin(t.app);
    const community = await createCommunity(t.app, owner);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/communities/${community.id}`,
      headers: owner.headers,
      payload: { name: '加群送资料' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().fields).toEqual({ name: expect.any(String) });
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community.id}`,
      headers: owner.headers,
    });
    expect(after.json().name).toBe(community.name);
  });
});

describe('with WeChat msgSecCheck', () => {
  let wechat: FakeWechat;
  let t: TestApp;
  beforeAll(async () => {
    wechat = await startFakeWechat();
    t = await createTestApp({ contentCheck: 'wechat', wechatApiBase: wechat.baseUrl });
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
  });

  it('asks WeChat with the access token kept in the database, fetched once', async () => {
    const owner = await devLogin(t.app);
    await createCommunity(t.app, owner);
    await createCommunity(t.app, owner);
    expect(wechat.tokenRequests).toBe(1);
    expect(wechat.secCheckRequests).toHaveLength(6);
    expect(wechat.secCheckRequests[0]!.body).toMatchObject({
      version: 2,
      openid: `dev:${owner.user.nickname}`,
    });
    const [stored] = await t.db.select().from(wechatAccessTokens);
    expect(stored).toMatchObject({ appid: wechat.appid, accessToken: 'access-token-1' });
  });

  it('refuses what WeChat finds risky, with 422 and nothing saved', async () => {
    const owner = await devLogin(t.app);
    const before = await rowCounts(t.db);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/communities',
      headers: owner.headers,
      payload: communityInput({ rules: `这里有${wechat.riskyWords[0]}` }),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'CONTENT_REJECTED',
      fields: { rules: expect.any(String) },
    });
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('fetches a new token when WeChat says the stored one is no longer valid', async () => {
    const owner = await devLogin(t.app);
    const tokensBefore = wechat.tokenRequests;
    wechat.expireTokenOnce();
    await createCommunity(t.app, owner);
    expect(wechat.tokenRequests).toBe(tokensBefore + 1);
  });

  it('asks in the scene of each kind of text: 资料 for a community and a bio, 评论 for a note, 论坛 for a tip', async () => {
    const owner = await devLogin(t.app);
    const community = await createCommunity(t.app, owner);
    const scenesOf = async (send: () => Promise<{ statusCode: number }>) => {
      const from = wechat.secCheckRequests.length;
      expect((await send()).statusCode).toBeLessThan(300);
      return [...new Set(wechat.secCheckRequests.slice(from).map((request) => request.body.scene))];
    };
    expect(
      await scenesOf(() =>
        t.app.inject({
          method: 'PATCH',
          url: `/api/communities/${community.id}/members/me`,
          headers: owner.headers,
          payload: { bio: '做了三年公众号' },
        }),
      ),
    ).toEqual([1]);
    let tipId = '';
    expect(
      await scenesOf(async () => {
        const response = await t.app.inject({
          method: 'POST',
          url: `/api/communities/${community.id}/tips`,
          headers: owner.headers,
          payload: {
            title: '标题写法',
            body: '先写结论再写过程。',
            steps: ['写结论'],
            tags: ['#写作#'],
            minutes: 5,
          },
        });
        tipId = response.json().id;
        return response;
      }),
    ).toEqual([3]);
    expect(
      await scenesOf(() =>
        t.app.inject({
          method: 'PUT',
          url: `/api/tips/${tipId}/try`,
          headers: owner.headers,
          payload: { note: '试过了，很好用' },
        }),
      ),
    ).toEqual([2]);
  });
});
