import { and, eq } from 'drizzle-orm';
import { inboxMessages, membershipEvents } from '../../../server/db/schema';
import { createNoticeDispatcher } from '../../../server/modules/notifications/notice-dispatcher';
import type { BlockedUserView, MemberView } from '../../../src/domain/contract/communities';
import { messageFor } from '../../../src/domain/error-codes';
import {
  communityWithTeam,
  devLogin,
  joinCommunity,
  type SignedInUser,
  uniqueName,
} from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import { collectingLog } from '../notifications/notice-fixtures';
import {
  getSession,
  members,
  noticesOf,
  scheduleSession,
  seatCounters,
  signUpOk,
} from '../sessions/session-fixtures';

/**
 * The owner and admins remove members: the membership ends the way leaving ends it (seats, lines,
 * pending notices), the removed member is told, and a block keeps them out until it is lifted.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function remove(by: SignedInUser, communityId: string, target: SignedInUser, body: object = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/communities/${communityId}/members/${target.user.id}/removal`,
    headers: by.headers,
    payload: body,
  });
}

async function memberIds(user: SignedInUser, communityId: string): Promise<string[]> {
  const response = await t.app.inject({
    url: `/api/communities/${communityId}/members`,
    headers: user.headers,
  });
  return response.json<MemberView[]>().map((m) => m.userId);
}

function requestToJoin(user: SignedInUser, communityId: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/communities/${communityId}/join-requests`,
    headers: user.headers,
    payload: {},
  });
}

it('ends the membership like leaving: seats go down the line, pending notices are withdrawn, and the member is told why', async () => {
  const { community, owner } = await communityWithTeam(t.app);
  const [removed, head] = await members(t.app, community.inviteCode!, 2);
  const session = await scheduleSession(t.app, owner, community.id, { capacity: 1, title: '只有一个名额' });
  await signUpOk(t.app, removed!, session.id);
  await signUpOk(t.app, head!, session.id);

  const response = await remove(owner, community.id, removed!, { reason: '多次发广告' });
  expect(response.statusCode).toBe(204);

  expect(await memberIds(owner, community.id)).not.toContain(removed!.user.id);
  expect((await getSession(t.app, head!, session.id)).mySignup?.status).toBe('confirmed');
  const counters = await seatCounters(t.db, session.id);
  expect(counters.onSession).toEqual(counters.fromSignups);
  const theirs = await noticesOf(t.db, removed!.user.id);
  // Every reminder withdrawn; the one pending notice is the removal, with the reason.
  const pending = theirs.filter((n) => n.status === 'pending');
  expect(pending.map((n) => n.kind)).toEqual(['member_removed']);
  expect(pending[0]!.body).toContain('多次发广告');
  const [event] = await t.db
    .select()
    .from(membershipEvents)
    .where(and(eq(membershipEvents.userId, removed!.user.id), eq(membershipEvents.kind, 'removed')));
  expect(event).toMatchObject({ actorId: owner.user.id, reason: '多次发广告', communityId: community.id });

  // The notice reaches them although they are no longer a member.
  await createNoticeDispatcher({ config: t.config, log: collectingLog() }).runOnce(t.db, new Date());
  const inbox = await t.db.select().from(inboxMessages).where(eq(inboxMessages.userId, removed!.user.id));
  expect(inbox).toHaveLength(1);

  // Without a block they may come back with the code.
  expect((await joinCommunity(t.app, removed!, community.inviteCode!)).statusCode).toBe(200);
});

it('lets the owner remove anyone but themselves, and an admin only the secretary and members', async () => {
  const team = await communityWithTeam(t.app);
  const { community, owner, admin, secretary, member } = team;
  const secondAdmin = await devLogin(t.app, uniqueName('管理员'));
  await joinCommunity(t.app, secondAdmin, community.inviteCode!);
  await t.app.inject({
    method: 'PUT',
    url: `/api/communities/${community.id}/members/${secondAdmin.user.id}/role`,
    headers: owner.headers,
    payload: { role: 'admin' },
  });

  const refusals = [
    [admin, owner, 403, 'CANNOT_REMOVE_ROLE'],
    [admin, secondAdmin, 403, 'CANNOT_REMOVE_ROLE'],
    [admin, admin, 409, 'CANNOT_REMOVE_SELF'],
    [owner, owner, 409, 'CANNOT_REMOVE_SELF'],
    [secretary, member, 403, 'FORBIDDEN'],
    [member, secretary, 403, 'FORBIDDEN'],
    [owner, team.outsider, 404, 'MEMBER_NOT_FOUND'],
  ] as const;
  for (const [by, target, status, code] of refusals) {
    const response = await remove(by, community.id, target);
    expect({
      by: by.user.nickname,
      target: target.user.nickname,
      status: response.statusCode,
      code: response.json().code,
    }).toEqual({
      by: by.user.nickname,
      target: target.user.nickname,
      status,
      code,
    });
  }
  expect((await memberIds(owner, community.id)).sort()).toEqual(
    [owner, admin, secretary, member, secondAdmin].map((u) => u.user.id).sort(),
  );

  expect((await remove(admin, community.id, secretary)).statusCode).toBe(204);
  expect((await remove(admin, community.id, member)).statusCode).toBe(204);
  expect((await remove(owner, community.id, secondAdmin)).statusCode).toBe(204);
  expect(await memberIds(owner, community.id)).toEqual([owner.user.id, admin.user.id]);
});

it('keeps a blocked user out by every way in until the team lifts the block', async () => {
  const { community, owner, admin, member, secretary } = await communityWithTeam(t.app);
  expect(
    (await remove(admin, community.id, member, { reason: '骚扰其他成员', block: true })).statusCode,
  ).toBe(204);
  expect((await noticesOf(t.db, member.user.id)).find((n) => n.kind === 'member_removed')?.body).toContain(
    '不能再次加入',
  );

  const byCode = await joinCommunity(t.app, member, community.inviteCode!);
  expect(byCode.statusCode).toBe(403);
  expect(byCode.json()).toMatchObject({
    code: 'BLOCKED_FROM_COMMUNITY',
    message: messageFor('BLOCKED_FROM_COMMUNITY'),
  });
  expect((await requestToJoin(member, community.id)).json().code).toBe('BLOCKED_FROM_COMMUNITY');

  const listed = await t.app.inject({
    url: `/api/communities/${community.id}/blocks`,
    headers: owner.headers,
  });
  expect(listed.json<BlockedUserView[]>()).toEqual([
    expect.objectContaining({
      userId: member.user.id,
      nickname: member.user.nickname,
      reason: '骚扰其他成员',
      blockedByNickname: admin.user.nickname,
    }),
  ]);
  // The secretary does not see or lift blocks.
  expect(
    (await t.app.inject({ url: `/api/communities/${community.id}/blocks`, headers: secretary.headers }))
      .statusCode,
  ).toBe(403);

  const lift = () =>
    t.app.inject({
      method: 'DELETE',
      url: `/api/communities/${community.id}/blocks/${member.user.id}`,
      headers: admin.headers,
    });
  expect((await lift()).statusCode).toBe(204);
  expect((await lift()).json().code).toBe('BLOCK_NOT_FOUND');
  expect((await joinCommunity(t.app, member, community.inviteCode!)).statusCode).toBe(200);
});

it('refuses a reason the content check refuses, and changes nothing', async () => {
  const { community, owner, member } = await communityWithTeam(t.app);
  const response = await remove(owner, community.id, member, { reason: '他在群里推赌博', block: true });
  expect(response.statusCode).toBe(422);
  expect(response.json().code).toBe('CONTENT_REJECTED');
  expect(await memberIds(owner, community.id)).toContain(member.user.id);
});

it('leaves the removed user outside: a second removal finds no member, and the community pages refuse them', async () => {
  const { community, owner, member } = await communityWithTeam(t.app);
  expect((await remove(owner, community.id, member, { block: true })).statusCode).toBe(204);
  const again = await remove(owner, community.id, member, { block: true });
  expect(again.json().code).toBe('MEMBER_NOT_FOUND');
  const session = await scheduleSession(t.app, owner, community.id);
  const view = await t.app.inject({ url: `/api/sessions/${session.id}`, headers: member.headers });
  expect(view.statusCode).toBe(403);
});
