import { and, asc, eq } from 'drizzle-orm';
import { membershipEvents } from '../../../server/db/schema';
import type { CommunityView } from '../../../src/domain/contract/communities';
import type { MeView } from '../../../src/domain/contract/me';
import {
  communityInput,
  communityWithTeam,
  createCommunity,
  devLogin,
  joinCommunity,
} from '../../support/api-session';
import { rowCounts } from '../../support/row-counts';
import { createTestApp, type TestApp } from '../../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const getCommunity = (id: string, headers: Record<string, string>) =>
  t.app.inject({ method: 'GET', url: `/api/communities/${id}`, headers });

describe('POST /api/communities', () => {
  it('creates the community with the caller as owner and a readable invite code', async () => {
    const owner = await devLogin(t.app);
    const input = communityInput({ name: '  一起走上10万+之路  ', capacity: 80 });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/communities',
      headers: owner.headers,
      payload: input,
    });
    expect(response.statusCode).toBe(201);
    const community = response.json<CommunityView>();
    expect(community).toMatchObject({
      name: '一起走上10万+之路',
      goal: input.goal,
      rules: input.rules,
      capacity: 80,
      memberCount: 1,
      myRole: 'owner',
    });
    expect(community.inviteCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);

    const me = (await t.app.inject({ method: 'GET', url: '/api/me', headers: owner.headers })).json<MeView>();
    expect(me.memberships).toEqual([
      {
        communityId: community.id,
        communityName: community.name,
        role: 'owner',
        joinedAt: expect.any(String),
        rulesConfirmed: true,
      },
    ]);
    expect(me.joinRequests).toEqual([]);
  });

  it('defaults the capacity to 100', async () => {
    const community = await createCommunity(t.app, await devLogin(t.app));
    expect(community.capacity).toBe(100);
  });
});

describe('joining', () => {
  it('joins with a code typed loosely (lower case, spaces, full width)', async () => {
    const community = await createCommunity(t.app, await devLogin(t.app));
    const member = await devLogin(t.app);
    const typed =
      ` ${community.inviteCode!.slice(0, 3).toLowerCase()} ${community.inviteCode!.slice(3)}`.replace(
        /[A-Z]/g,
        (letter) => String.fromCharCode(letter.charCodeAt(0) + 0xfee0),
      );
    const response = await joinCommunity(t.app, member, typed);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      outcome: 'joined',
      community: { id: community.id, memberCount: 2, myRole: 'member', inviteCode: null },
    });
  });

  it('refuses an unknown code with 404 INVITE_CODE_INVALID', async () => {
    const user = await devLogin(t.app);
    for (const code of ['ZZZZZZ', 'not a code']) {
      const response = await joinCommunity(t.app, user, code);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ code: 'INVITE_CODE_INVALID', message: '邀请码无效，请向群主确认' });
    }
  });

  it('refuses a second join with 409 ALREADY_MEMBER', async () => {
    const owner = await devLogin(t.app);
    const community = await createCommunity(t.app, owner);
    const response = await joinCommunity(t.app, owner, community.inviteCode!);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('ALREADY_MEMBER');
  });

  it('refuses joins beyond the capacity with 409 COMMUNITY_FULL', async () => {
    const owner = await devLogin(t.app);
    const community = await createCommunity(t.app, owner, { capacity: 2 });
    expect((await joinCommunity(t.app, await devLogin(t.app), community.inviteCode!)).statusCode).toBe(200);
    const before = await rowCounts(t.db);
    const late = await joinCommunity(t.app, await devLogin(t.app), community.inviteCode!);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('COMMUNITY_FULL');
    expect((await rowCounts(t.db)).memberships).toBe(before.memberships);
  });

  it('lets a member leave and join again', async () => {
    const community = await createCommunity(t.app, await devLogin(t.app));
    const member = await devLogin(t.app);
    await joinCommunity(t.app, member, community.inviteCode!);
    const leave = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${community.id}/leave`,
      headers: member.headers,
    });
    expect(leave.statusCode).toBe(204);
    expect((await getCommunity(community.id, member.headers)).json().code).toBe('NOT_A_MEMBER');
    const again = await joinCommunity(t.app, member, community.inviteCode!);
    expect(again.statusCode).toBe(200);
    expect(again.json().community.memberCount).toBe(2);

    // The history the owner's dashboard counts from outlives the membership row.
    const history = await t.db
      .select({ kind: membershipEvents.kind })
      .from(membershipEvents)
      .where(and(eq(membershipEvents.communityId, community.id), eq(membershipEvents.userId, member.user.id)))
      .orderBy(asc(membershipEvents.at));
    expect(history.map((event) => event.kind)).toEqual(['joined', 'left', 'joined']);
  });

  it('refuses to let the owner leave', async () => {
    const owner = await devLogin(t.app);
    const community = await createCommunity(t.app, owner);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${community.id}/leave`,
      headers: owner.headers,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('OWNER_CANNOT_LEAVE');
  });
});

describe('GET /api/communities/:id', () => {
  it('shows the invite code to the team only, and nothing to outsiders', async () => {
    const { community, owner, admin, secretary, member, outsider } = await communityWithTeam(t.app);
    for (const user of [owner, admin, secretary]) {
      expect((await getCommunity(community.id, user.headers)).json().inviteCode).toBe(community.inviteCode);
    }
    const asMember = (await getCommunity(community.id, member.headers)).json<CommunityView>();
    expect(asMember).toMatchObject({ myRole: 'member', inviteCode: null, memberCount: 4 });
    const asOutsider = await getCommunity(community.id, outsider.headers);
    expect(asOutsider.statusCode).toBe(403);
    expect(asOutsider.json().code).toBe('NOT_A_MEMBER');
  });

  it('answers 404 for a community that does not exist', async () => {
    const user = await devLogin(t.app);
    const response = await getCommunity('00000000-0000-4000-8000-000000000000', user.headers);
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('NOT_FOUND');
  });

  it('lists members to members only, team first', async () => {
    const { community, owner, admin, secretary, member, outsider } = await communityWithTeam(t.app);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community.id}/members`,
      headers: member.headers,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().map((row: { userId: string; role: string }) => [row.userId, row.role])).toEqual([
      [owner.user.id, 'owner'],
      [admin.user.id, 'admin'],
      [secretary.user.id, 'secretary'],
      [member.user.id, 'member'],
    ]);
    const refused = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community.id}/members`,
      headers: outsider.headers,
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe('PATCH /api/communities/:id', () => {
  it('lets the owner change the settings', async () => {
    const owner = await devLogin(t.app);
    const community = await createCommunity(t.app, owner);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/communities/${community.id}`,
      headers: owner.headers,
      payload: { goal: '新的目标', capacity: 60 },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: community.name, goal: '新的目标', capacity: 60 });
  });

  it('refuses anyone but the owner with 403 and changes nothing', async () => {
    const { community, admin, member, outsider } = await communityWithTeam(t.app);
    for (const [user, code] of [
      [admin, 'OWNER_ROLE_REQUIRED'],
      [member, 'OWNER_ROLE_REQUIRED'],
      [outsider, 'NOT_A_MEMBER'],
    ] as const) {
      const response = await t.app.inject({
        method: 'PATCH',
        url: `/api/communities/${community.id}`,
        headers: user.headers,
        payload: { name: '被改掉的名字' },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe(code);
    }
    const unchanged = await getCommunity(community.id, admin.headers);
    expect(unchanged.json().name).toBe(community.name);
  });

  it('refuses a capacity below the member count with 409', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/communities/${community.id}`,
      headers: owner.headers,
      payload: { capacity: 3 },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('CAPACITY_BELOW_MEMBERS');
    expect((await getCommunity(community.id, owner.headers)).json().capacity).toBe(100);
  });
});

describe('POST /api/communities/:id/invite-code/reset', () => {
  it('lets owner and admin replace the code; the old one stops working', async () => {
    const { community, admin, secretary } = await communityWithTeam(t.app);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${community.id}/invite-code/reset`,
      headers: secretary.headers,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');

    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${community.id}/invite-code/reset`,
      headers: admin.headers,
    });
    expect(reset.statusCode).toBe(200);
    const newCode = reset.json<CommunityView>().inviteCode!;
    expect(newCode).not.toBe(community.inviteCode);
    const newcomer = await devLogin(t.app);
    expect((await joinCommunity(t.app, newcomer, community.inviteCode!)).statusCode).toBe(404);
    expect((await joinCommunity(t.app, newcomer, newCode)).statusCode).toBe(200);
  });
});
