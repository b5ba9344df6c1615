import { eq } from 'drizzle-orm';
import readXlsxFile from 'read-excel-file/node';
import {
  authSessions,
  inboxMessages,
  memberProfiles,
  memberTags,
  notices,
  sessionSignups,
  subscribeConsents,
  tipTries,
  uploads,
  users,
} from '../../../server/db/schema';
import type { TipCardView, TipDetailView } from '../../../src/domain/contract/tips';
import { communityWithTeam, createCommunity, devLogin, type SignedInUser } from '../../support/api-session';
import { apiCall, pngMultipart } from '../../support/route-fixtures';
import { createTestApp, type TestApp } from '../../support/test-app';
import { getSession, members, scheduleSession, signUpOk } from '../sessions/session-fixtures';

/** 注销账号 and 下载我的数据: what a member, the others and the team notice afterwards. */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function closeAccount(user: SignedInUser, payload: Record<string, string> = { confirm: '注销账号' }) {
  return t.app.inject({ method: 'POST', url: '/api/me/close-account', headers: user.headers, payload });
}

async function uploadImage(user: SignedInUser): Promise<string> {
  const { payload, headers } = pngMultipart();
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/uploads',
    headers: { ...user.headers, ...headers },
    payload,
  });
  return response.json<{ id: string }>().id;
}

const tipContent = {
  title: '猕猴桃一转去皮',
  body: '切掉两头，用勺子贴着皮转一圈，果肉整个出来。',
  steps: ['切掉两头', '勺子贴皮转一圈'],
  tags: ['烘焙'],
  minutes: 2,
};

/** A member with a profile, tags, an avatar, a published tip, a noted try, consents, an inbox and seats. */
async function busyMember() {
  const team = await communityWithTeam(t.app);
  const { community, owner } = team;
  const [closer, head] = await members(t.app, community.inviteCode!, 2);
  const avatar = await uploadImage(closer!);
  await apiCall(t.app, closer!, 'PATCH', `/api/communities/${community.id}/members/me`, {
    nickname: '烘焙达人·小雪',
    bio: '住在朝阳，周末烤蛋糕',
    tags: ['烘焙', '摄影'],
    avatarUploadId: avatar,
  });
  const suggested = await apiCall<{ id: string }>(
    t.app,
    closer!,
    'POST',
    `/api/communities/${community.id}/tips`,
    tipContent,
  );
  await apiCall(t.app, owner, 'POST', `/api/tips/${suggested.id}/publish`, { version: 1 });
  await apiCall(t.app, closer!, 'PUT', `/api/tips/${suggested.id}/try`, { note: '我家孩子也学会了' });
  await apiCall(t.app, closer!, 'POST', '/api/me/subscriptions', { accepted: ['sessionReminder'] });
  const session = await scheduleSession(t.app, owner, community.id, { capacity: 1, title: '一个名额' });
  await signUpOk(t.app, closer!, session.id);
  await signUpOk(t.app, head!, session.id);
  return { ...team, closer: closer!, head: head!, avatar, tipId: suggested.id, sessionId: session.id };
}

it('ends every membership: a confirmed seat goes to the head of the waitlist', async () => {
  const { owner, closer, head, sessionId } = await busyMember();
  expect((await getSession(t.app, head, sessionId)).mySignup?.status).toBe('waitlisted');

  expect((await closeAccount(closer)).statusCode).toBe(204);

  const seen = await getSession(t.app, head, sessionId);
  expect(seen.mySignup?.status).toBe('confirmed');
  expect((await getSession(t.app, owner, sessionId)).confirmedCount).toBe(1);
  const [cancelled] = await t.db
    .select()
    .from(sessionSignups)
    .where(eq(sessionSignups.userId, closer.user.id));
  expect(cancelled!.status).toBe('cancelled');
});

it('answers 401 to the old token, and a new login under the same name is a new, empty account', async () => {
  const { closer } = await busyMember();
  await closeAccount(closer);

  const me = await t.app.inject({ url: '/api/me', headers: closer.headers });
  expect(me.statusCode).toBe(401);
  const again = await devLogin(t.app, closer.user.nickname);
  expect(again.user.id).not.toBe(closer.user.id);
  const fresh = await apiCall<{ memberships: unknown[] }>(t.app, again, 'GET', '/api/me');
  expect(fresh.memberships).toEqual([]);
});

it('keeps their published tip for the others, with the author shown as 已注销用户, and its 试过 count', async () => {
  const { community, admin, closer, tipId } = await busyMember();
  await closeAccount(closer);

  const tip = await apiCall<TipDetailView>(t.app, admin, 'GET', `/api/tips/${tipId}`);
  expect(tip.title).toBe(tipContent.title);
  expect(tip.author.nickname).toBe('已注销用户');
  expect(tip.tryCount).toBe(1);
  const feed = await apiCall<{ items: TipCardView[] }>(
    t.app,
    admin,
    'GET',
    `/api/communities/${community.id}/tips`,
  );
  expect(feed.items.find((item) => item.id === tipId)?.author.nickname).toBe('已注销用户');
});

it('leaves nothing of theirs in profiles, tags, consents, notices, inbox, sessions, notes or images', async () => {
  const { closer, avatar } = await busyMember();
  await t.db.insert(notices).values({
    userId: closer.user.id,
    communityId: (await apiCall<{ memberships: { communityId: string }[] }>(t.app, closer, 'GET', '/api/me'))
      .memberships[0]!.communityId,
    kind: 'session_reminder',
    title: '活动提醒',
    body: '明天见',
    link: '/pages/index/index',
    dueAt: new Date(),
    nextAttemptAt: new Date(),
    status: 'sent',
  });
  await closeAccount(closer);

  const id = closer.user.id;
  const left = {
    profiles: await t.db.select().from(memberProfiles).where(eq(memberProfiles.userId, id)),
    tags: await t.db.select().from(memberTags).where(eq(memberTags.userId, id)),
    consents: await t.db.select().from(subscribeConsents).where(eq(subscribeConsents.userId, id)),
    notices: await t.db.select().from(notices).where(eq(notices.userId, id)),
    inbox: await t.db.select().from(inboxMessages).where(eq(inboxMessages.userId, id)),
    sessions: await t.db.select().from(authSessions).where(eq(authSessions.userId, id)),
  };
  expect(left).toEqual({ profiles: [], tags: [], consents: [], notices: [], inbox: [], sessions: [] });
  expect(await t.db.select().from(uploads).where(eq(uploads.id, avatar))).toEqual([]);
  const tries = await t.db.select().from(tipTries).where(eq(tipTries.userId, id));
  expect(tries.map((row) => row.note)).toEqual([null]);
  const [user] = await t.db.select().from(users).where(eq(users.id, id));
  expect(user).toMatchObject({ nickname: '已注销用户', avatarUrl: null, unionid: null, sessionKey: null });
  expect(user!.openid).not.toContain(closer.user.nickname);
});

it('refuses an owner with the communities named, until they have handed over every one', async () => {
  const { community, owner, admin } = await communityWithTeam(t.app);
  const second = await createCommunity(t.app, owner, { name: '周末烘焙社' });

  const refused = await closeAccount(owner);
  expect(refused.statusCode).toBe(409);
  const body = refused.json();
  expect(body.code).toBe('OWNER_CANNOT_CLOSE_ACCOUNT');
  expect(body.message).toContain(`「${community.name}」`);
  expect(body.message).toContain('「周末烘焙社」');
  expect(body.fields).toEqual({ [community.id]: community.name, [second.id]: '周末烘焙社' });
  expect((await t.app.inject({ url: '/api/me', headers: owner.headers })).statusCode).toBe(200);

  await apiCall(t.app, owner, 'POST', `/api/communities/${community.id}/transfer-ownership`, {
    userId: admin.user.id,
  });
  expect((await closeAccount(owner)).statusCode).toBe(409);
});

it('refuses a request without the confirmation', async () => {
  const user = await devLogin(t.app);
  expect((await closeAccount(user, {})).statusCode).toBe(400);
  expect((await closeAccount(user, { confirm: '确定' })).statusCode).toBe(400);
  expect((await t.app.inject({ url: '/api/me', headers: user.headers })).statusCode).toBe(200);
});

describe('下载我的数据', () => {
  async function myData(user: SignedInUser) {
    const response = await t.app.inject({ url: '/api/me/data', headers: user.headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('群友圈-我的数据.xlsx'));
    const sheets = await readXlsxFile(response.rawPayload);
    return Object.fromEntries(sheets.map((sheet) => [sheet.sheet, sheet.data.map((row) => row.join('|'))]));
  }

  it('holds their own account, profile, tags, sign-ups, tips, notes and consents, and nobody else’s', async () => {
    const { community, closer, head } = await busyMember();
    await apiCall(t.app, head, 'PATCH', `/api/communities/${community.id}/members/me`, {
      bio: '别人的简介',
      tags: ['跑步'],
    });

    const data = await myData(closer);

    expect(data.账号!.join()).toContain(closer.user.nickname);
    expect(data.社群与角色!.join()).toContain(community.name);
    expect(data.群内资料!.join()).toContain('住在朝阳，周末烤蛋糕');
    expect(data.标签!.join()).toMatch(/烘焙.*摄影|摄影.*烘焙/s);
    expect(data.报名与签到!.join()).toContain('一个名额');
    expect(data.技巧与投稿!.join()).toContain(tipContent.title);
    expect(data.收藏点赞与试过!.join()).toContain('我家孩子也学会了');
    expect(data.订阅消息授权!.join()).toContain('sessionReminder');
    const everything = JSON.stringify(data);
    expect(everything).not.toContain('别人的简介');
    expect(everything).not.toContain('跑步');
    expect(everything).not.toContain(head.user.nickname);
  });

  it('is a few a minute per member', async () => {
    const user = await devLogin(t.app);
    const download = async () =>
      (await t.app.inject({ url: '/api/me/data', headers: user.headers })).statusCode;
    // At the start of a minute, so the six downloads share one window whatever the hour.
    t.clock.set(new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 60_000));
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push(await download());
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    t.clock.advance(60_000);
    expect(await download()).toBe(200);
  });
});
