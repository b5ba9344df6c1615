import { and, eq } from 'drizzle-orm';
import { memberships, notices } from '../../../server/db/schema';
import type { CommunityView } from '../../../src/domain/contract/communities';
import type {
  CommunityPreviewView,
  JoinRequestView,
  JoinResult,
  MyJoinRequestView,
} from '../../../src/domain/contract/joining';
import type { MeView } from '../../../src/domain/contract/me';
import { communityWithTeam, createCommunity, devLogin, type SignedInUser } from '../../support/api-session';
import { type FakeWechat, startFakeWechat } from '../../support/fake-wechat';
import { encryptGroupTicket, randomSessionKey } from '../../support/group-ticket';
import { createTestApp, type TestApp } from '../../support/test-app';

let wechat: FakeWechat;
let t: TestApp;

beforeAll(async () => {
  wechat = await startFakeWechat();
  t = await createTestApp({ wechatApiBase: wechat.baseUrl, wechatAppid: wechat.appid });
});
afterAll(async () => {
  await t.close();
  await wechat.close();
});

type Team = Awaited<ReturnType<typeof communityWithTeam>>;

const call = (
  user: SignedInUser,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
) => t.app.inject({ method, url, headers: user.headers, payload });

const me = async (user: SignedInUser) => (await call(user, 'GET', '/api/me')).json<MeView>();

async function requireApproval(team: Team) {
  const response = await call(team.owner, 'PATCH', `/api/communities/${team.community.id}`, {
    joinApproval: true,
  });
  expect(response.statusCode).toBe(200);
  expect(response.json<CommunityView>().joinApproval).toBe(true);
}

async function invitedByOf(communityId: string, userId: string) {
  const [row] = await t.db
    .select({ invitedBy: memberships.invitedBy })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.userId, userId)));
  return row?.invitedBy;
}

async function noticesOf(userId: string, kind: string) {
  return t.db
    .select()
    .from(notices)
    .where(and(eq(notices.userId, userId), eq(notices.kind, kind)));
}

/** A code join into a community that requires approval: the id of the request it queued. */
async function askByCode(team: Team, newcomer: SignedInUser): Promise<string> {
  const result = (
    await call(newcomer, 'POST', '/api/communities/join', { inviteCode: team.community.inviteCode })
  ).json<JoinResult>();
  if (result.outcome !== 'requested') throw new Error(`expected a request, got ${result.outcome}`);
  return result.request.id;
}

let codeNumber = 0;
/** A WeChat login through the fake, with a session key the test knows (to encrypt group tickets). */
async function wechatLogin(sessionKey = randomSessionKey()): Promise<SignedInUser & { sessionKey: string }> {
  codeNumber += 1;
  const code = `join-code-${codeNumber}`;
  wechat.setCode(code, { kind: 'ok', openid: `openid-join-${codeNumber}`, sessionKey });
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code } });
  expect(response.statusCode).toBe(200);
  const auth = response.json<SignedInUser>();
  return { ...auth, headers: { authorization: `Bearer ${auth.token}` }, sessionKey };
}

describe('joining by invite code without approval', () => {
  it('lets the newcomer in, records who invited them, and asks them to confirm the rules once', async () => {
    const team = await communityWithTeam(t.app);
    const newcomer = await devLogin(t.app);
    const response = await call(newcomer, 'POST', '/api/communities/join', {
      inviteCode: team.community.inviteCode,
      inviterId: team.member.user.id,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<JoinResult>()).toMatchObject({ outcome: 'joined', community: { memberCount: 5 } });
    expect(await invitedByOf(team.community.id, newcomer.user.id)).toBe(team.member.user.id);

    const before = (await me(newcomer)).memberships.find((m) => m.communityId === team.community.id);
    expect(before?.rulesConfirmed).toBe(false);
    for (let i = 0; i < 2; i += 1) {
      const confirmed = await call(
        newcomer,
        'POST',
        `/api/communities/${team.community.id}/rules-confirmation`,
      );
      expect(confirmed.statusCode).toBe(204);
    }
    const after = (await me(newcomer)).memberships.find((m) => m.communityId === team.community.id);
    expect(after?.rulesConfirmed).toBe(true);
  });

  it('drops an inviter who is not a member instead of refusing the newcomer', async () => {
    const team = await communityWithTeam(t.app);
    const newcomer = await devLogin(t.app);
    const response = await call(newcomer, 'POST', '/api/communities/join', {
      inviteCode: team.community.inviteCode,
      inviterId: team.outsider.user.id,
    });
    expect(response.json<JoinResult>().outcome).toBe('joined');
    expect(await invitedByOf(team.community.id, newcomer.user.id)).toBeNull();
  });
});

describe('join approval', () => {
  it('only the owner switches it on', async () => {
    const team = await communityWithTeam(t.app);
    const byAdmin = await call(team.admin, 'PATCH', `/api/communities/${team.community.id}`, {
      joinApproval: true,
    });
    expect(byAdmin.statusCode).toBe(403);
    await requireApproval(team);
  });

  it('queues a code join for the owner and admins, who approve; the newcomer is told', async () => {
    const team = await communityWithTeam(t.app);
    await requireApproval(team);
    const newcomer = await devLogin(t.app);
    const asked = await call(newcomer, 'POST', '/api/communities/join', {
      inviteCode: team.community.inviteCode,
      inviterId: team.secretary.user.id,
      note: '做公众号半年，想学写标题',
    });
    expect(asked.statusCode).toBe(200);
    const result = asked.json<JoinResult>();
    expect(result).toMatchObject({ outcome: 'requested', request: { status: 'pending' } });
    expect((await me(newcomer)).memberships).toEqual([]);
    expect((await me(newcomer)).joinRequests).toEqual([
      expect.objectContaining({ communityName: team.community.name, status: 'pending' }),
    ]);

    const again = await call(newcomer, 'POST', '/api/communities/join', {
      inviteCode: team.community.inviteCode,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('JOIN_REQUEST_PENDING');

    // The owner and the admin hear of it; the secretary and members do not.
    expect(await noticesOf(team.owner.user.id, 'join_requested')).toHaveLength(1);
    expect(await noticesOf(team.admin.user.id, 'join_requested')).toHaveLength(1);
    expect(await noticesOf(team.secretary.user.id, 'join_requested')).toHaveLength(0);

    const byMember = await call(team.member, 'GET', `/api/communities/${team.community.id}/join-requests`);
    expect(byMember.statusCode).toBe(403);
    const queue = await call(team.admin, 'GET', `/api/communities/${team.community.id}/join-requests`);
    expect(queue.json<JoinRequestView[]>()).toEqual([
      expect.objectContaining({
        user: newcomer.user,
        inviter: { id: team.secretary.user.id, nickname: team.secretary.user.nickname, avatarUrl: null },
        via: 'invite_code',
        note: '做公众号半年，想学写标题',
        status: 'pending',
      }),
    ]);

    const requestId = result.outcome === 'requested' ? result.request.id : '';
    const approved = await call(team.admin, 'POST', `/api/join-requests/${requestId}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json<JoinRequestView>()).toMatchObject({
      status: 'approved',
      decidedAt: expect.any(String),
    });
    expect(await invitedByOf(team.community.id, newcomer.user.id)).toBe(team.secretary.user.id);
    expect((await me(newcomer)).memberships).toEqual([
      expect.objectContaining({ communityId: team.community.id, role: 'member', rulesConfirmed: false }),
    ]);
    expect((await me(newcomer)).joinRequests).toEqual([]);
    expect(await noticesOf(newcomer.user.id, 'join_approved')).toHaveLength(1);

    const twice = await call(team.owner, 'POST', `/api/join-requests/${requestId}/approve`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('JOIN_REQUEST_DECIDED');
    const empty = await call(team.owner, 'GET', `/api/communities/${team.community.id}/join-requests`);
    expect(empty.json()).toEqual([]);
  });

  it('declines with a reason the newcomer reads, who may ask again later', async () => {
    const team = await communityWithTeam(t.app);
    await requireApproval(team);
    const newcomer = await devLogin(t.app);
    const requestId = await askByCode(team, newcomer);

    const bySecretary = await call(team.secretary, 'POST', `/api/join-requests/${requestId}/decline`, {});
    expect(bySecretary.statusCode).toBe(403);
    const declined = await call(team.owner, 'POST', `/api/join-requests/${requestId}/decline`, {
      reason: '本群只收做内容的朋友',
    });
    expect(declined.json<JoinRequestView>()).toMatchObject({
      status: 'declined',
      reason: '本群只收做内容的朋友',
    });
    expect((await me(newcomer)).joinRequests).toEqual([
      expect.objectContaining({ status: 'declined', reason: '本群只收做内容的朋友' }),
    ]);
    const [notice] = await noticesOf(newcomer.user.id, 'join_declined');
    expect(notice?.body).toBe('原因：本群只收做内容的朋友');

    const askAgain = await call(newcomer, 'POST', '/api/communities/join', {
      inviteCode: team.community.inviteCode,
    });
    expect(askAgain.json<JoinResult>().outcome).toBe('requested');
  });

  it('keeps the request waiting when the community is full at approval time', async () => {
    const team = await communityWithTeam(t.app);
    await requireApproval(team);
    const newcomer = await devLogin(t.app);
    const requestId = await askByCode(team, newcomer);
    await call(team.owner, 'PATCH', `/api/communities/${team.community.id}`, { capacity: 4 });

    const approved = await call(team.owner, 'POST', `/api/join-requests/${requestId}/approve`);
    expect(approved.statusCode).toBe(409);
    expect(approved.json().code).toBe('COMMUNITY_FULL');
    const queue = await call(team.owner, 'GET', `/api/communities/${team.community.id}/join-requests`);
    expect(queue.json<JoinRequestView[]>().map((request) => request.id)).toEqual([requestId]);
  });
});

describe('asking to join from a share card', () => {
  it('previews the community, queues the request even without approval, and lets only its author withdraw it', async () => {
    const team = await communityWithTeam(t.app);
    const newcomer = await devLogin(t.app);
    const previewUrl = `/api/communities/${team.community.id}/preview?inviter=${team.member.user.id}`;
    const preview = (await call(newcomer, 'GET', previewUrl)).json<CommunityPreviewView>();
    expect(preview).toMatchObject({
      name: team.community.name,
      goal: team.community.goal,
      memberCount: 4,
      joinApproval: false,
      inviter: { id: team.member.user.id, nickname: team.member.user.nickname },
      alreadyMember: false,
      myPendingRequest: null,
    });

    const asked = await call(newcomer, 'POST', `/api/communities/${team.community.id}/join-requests`, {
      inviterId: team.member.user.id,
    });
    expect(asked.statusCode).toBe(201);
    const request = asked.json<MyJoinRequestView>();
    expect((await call(newcomer, 'GET', previewUrl)).json<CommunityPreviewView>().myPendingRequest?.id).toBe(
      request.id,
    );
    const queue = (await call(team.owner, 'GET', `/api/communities/${team.community.id}/join-requests`)).json<
      JoinRequestView[]
    >();
    expect(queue[0]).toMatchObject({ via: 'share_card', inviter: { id: team.member.user.id } });

    const byOther = await call(team.member, 'POST', `/api/join-requests/${request.id}/withdraw`);
    expect(byOther.statusCode).toBe(404);
    const withdrawn = await call(newcomer, 'POST', `/api/join-requests/${request.id}/withdraw`);
    expect(withdrawn.json<MyJoinRequestView>().status).toBe('withdrawn');
    expect((await me(newcomer)).joinRequests).toEqual([]);
    const approveWithdrawn = await call(team.owner, 'POST', `/api/join-requests/${request.id}/approve`);
    expect(approveWithdrawn.json().code).toBe('JOIN_REQUEST_DECIDED');
  });

  it('tells a member they are already in', async () => {
    const team = await communityWithTeam(t.app);
    const preview = (
      await call(team.member, 'GET', `/api/communities/${team.community.id}/preview`)
    ).json<CommunityPreviewView>();
    expect(preview.alreadyMember).toBe(true);
    const asked = await call(team.member, 'POST', `/api/communities/${team.community.id}/join-requests`, {});
    expect(asked.json().code).toBe('ALREADY_MEMBER');
  });
});

describe('the community bound to its WeChat group', () => {
  it('lets a member of the group in without a code or approval, and a stale ticket not at all', async () => {
    const owner = await wechatLogin();
    const community = await createCommunity(t.app, owner);
    await call(owner, 'PATCH', `/api/communities/${community.id}`, { joinApproval: true });
    const groupId = `opengid-${community.id}`;

    const bound = await call(
      owner,
      'PUT',
      `/api/communities/${community.id}/wechat-group`,
      encryptGroupTicket(owner.sessionKey, { opengid: groupId, appid: wechat.appid }),
    );
    expect(bound.statusCode).toBe(200);
    expect(bound.json<CommunityView>().wechatGroupBound).toBe(true);

    const groupMember = await wechatLogin();
    const ticket = encryptGroupTicket(groupMember.sessionKey, { opengid: groupId, appid: wechat.appid });
    const joined = await call(groupMember, 'POST', '/api/communities/join-by-group', {
      ...ticket,
      inviterId: owner.user.id,
    });
    expect(joined.statusCode).toBe(200);
    expect(joined.json<JoinResult>()).toMatchObject({ outcome: 'joined', community: { id: community.id } });
    expect(await invitedByOf(community.id, groupMember.user.id)).toBe(owner.user.id);
    const twice = await call(groupMember, 'POST', '/api/communities/join-by-group', ticket);
    expect(twice.json().code).toBe('ALREADY_MEMBER');

    // A ticket encrypted with a session key the server no longer holds (the user logged in again).
    const late = await wechatLogin();
    const staleTicket = encryptGroupTicket(randomSessionKey(), { opengid: groupId, appid: wechat.appid });
    const stale = await call(late, 'POST', '/api/communities/join-by-group', staleTicket);
    expect(stale.statusCode).toBe(400);
    expect(stale.json().code).toBe('GROUP_TICKET_INVALID');

    const otherGroup = encryptGroupTicket(late.sessionKey, {
      opengid: 'opengid-unbound',
      appid: wechat.appid,
    });
    const unbound = await call(late, 'POST', '/api/communities/join-by-group', otherGroup);
    expect(unbound.statusCode).toBe(404);
    expect(unbound.json().code).toBe('GROUP_NOT_BOUND');
    expect((await me(late)).memberships).toEqual([]);
  });

  it('binds one group to one community, and unbinding stops group joins', async () => {
    const owner = await wechatLogin();
    const first = await createCommunity(t.app, owner);
    const second = await createCommunity(t.app, owner);
    const groupId = `opengid-shared-${first.id}`;
    const ticket = () => encryptGroupTicket(owner.sessionKey, { opengid: groupId, appid: wechat.appid });
    expect((await call(owner, 'PUT', `/api/communities/${first.id}/wechat-group`, ticket())).statusCode).toBe(
      200,
    );
    const elsewhere = await call(owner, 'PUT', `/api/communities/${second.id}/wechat-group`, ticket());
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().code).toBe('GROUP_BOUND_ELSEWHERE');

    const unbound = await call(owner, 'DELETE', `/api/communities/${first.id}/wechat-group`);
    expect(unbound.json<CommunityView>().wechatGroupBound).toBe(false);
    const newcomer = await wechatLogin();
    const join = await call(
      newcomer,
      'POST',
      '/api/communities/join-by-group',
      encryptGroupTicket(newcomer.sessionKey, { opengid: groupId, appid: wechat.appid }),
    );
    expect(join.json().code).toBe('GROUP_NOT_BOUND');
  });

  it('refuses binding by an admin before looking at the ticket', async () => {
    const team = await communityWithTeam(t.app);
    const response = await call(team.admin, 'PUT', `/api/communities/${team.community.id}/wechat-group`, {
      encryptedData: 'AAAA',
      iv: 'AAAA',
    });
    expect(response.statusCode).toBe(403);
  });
});
