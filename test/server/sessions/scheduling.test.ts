import { randomUUID } from 'node:crypto';
import { communityWithTeam, devLogin } from '../../support/api-session';
import { rowCounts } from '../../support/row-counts';
import { createTestApp, type TestApp } from '../../support/test-app';
import {
  getSession,
  members,
  noticesOf,
  scheduleSession,
  sessionInput,
  sessionRowCounts,
  signUpOk,
} from './session-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const counts = async () => ({ ...(await rowCounts(t.db)), ...(await sessionRowCounts(t.db)) });

describe('scheduling a session', () => {
  it('lets the owner, an admin and the secretary schedule; members and outsiders are refused', async () => {
    const team = await communityWithTeam(t.app);
    for (const user of [team.owner, team.admin, team.secretary]) {
      const session = await scheduleSession(t.app, user, team.community.id);
      expect(session).toMatchObject({
        title: '15分钟学会切水果做蛋糕装饰',
        capacity: 10,
        confirmedCount: 0,
        waitlistCount: 0,
        seatsLeft: 10,
        mySignup: null,
        canManage: true,
        reminderOffsets: [1440, 60],
        host: { id: user.user.id },
      });
      expect(session.signUpDeadline).toBe(session.startsAt);
    }
    const before = await counts();
    for (const [user, code] of [
      [team.member, 'FORBIDDEN'],
      [team.outsider, 'NOT_A_MEMBER'],
    ] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/communities/${team.community.id}/sessions`,
        headers: user.headers,
        payload: sessionInput(),
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe(code);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    const before = await counts();
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ durationMinutes: 4 }, 'VALIDATION_FAILED'],
      [{ durationMinutes: 181 }, 'VALIDATION_FAILED'],
      [{ capacity: 0 }, 'VALIDATION_FAILED'],
      [{ capacity: 501 }, 'VALIDATION_FAILED'],
      [{ title: '标'.repeat(41) }, 'VALIDATION_FAILED'],
      [{ startsAt: new Date(Date.now() - 60_000).toISOString() }, 'VALIDATION_FAILED'],
      [{ signUpDeadline: new Date(Date.now() + 10 * 24 * 3600_000).toISOString() }, 'DEADLINE_AFTER_START'],
      [{ mode: 'offline', address: undefined }, 'LOCATION_REQUIRED'],
      [{ meetingLink: 'javascript:alert(1)' }, 'VALIDATION_FAILED'],
      [{ reminderOffsets: [1, 60] }, 'VALIDATION_FAILED'],
      [{ tags: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'VALIDATION_FAILED'],
      [{ capacity: '10' }, 'VALIDATION_FAILED'],
      [{ hostUserId: randomUUID() }, 'HOST_NOT_MEMBER'],
      [{ unexpected: true }, 'VALIDATION_FAILED'],
    ];
    for (const [overrides, code] of bad) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/communities/${community.id}/sessions`,
        headers: owner.headers,
        payload: { ...sessionInput(), ...overrides },
      });
      expect({ overrides, status: response.statusCode, code: response.json().code }).toEqual({
        overrides,
        status: 400,
        code,
      });
    }
    expect(await counts()).toEqual(before);
  });

  it('bounds the start to a year ahead of the app’s clock, not the machine’s', async () => {
    const team = await communityWithTeam(t.app);
    const inTwoYears = new Date(Date.now() + 2 * 365 * 24 * 3600_000);
    const schedule = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/communities/${team.community.id}/sessions`,
        headers: team.owner.headers,
        payload: sessionInput({ startsAt: inTwoYears.toISOString() }),
      });
    const tooFar = await schedule();
    expect(tooFar.statusCode).toBe(400);
    expect(tooFar.json().fields).toEqual({ startsAt: '时间不能晚于一年后' });
    t.clock.set(new Date(inTwoYears.getTime() - 30 * 24 * 3600_000));
    try {
      expect((await schedule()).statusCode).toBe(201);
    } finally {
      t.clock.set(new Date());
    }
  });

  it('counts a CJK title by characters, and rejects text that fails the content check', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    await scheduleSession(t.app, owner, community.id, { title: '标'.repeat(40) });
    const before = await counts();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${community.id}/sessions`,
      headers: owner.headers,
      payload: sessionInput({ description: '会后加我微信领资料' }),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'CONTENT_REJECTED',
      fields: { description: expect.any(String) },
    });
    expect(await counts()).toEqual(before);
  });

  it('lists upcoming sessions by start time, filters by tag and hides other communities from outsiders', async () => {
    const { community, owner, member, outsider } = await communityWithTeam(t.app);
    const day = 24 * 3600_000;
    const later = await scheduleSession(t.app, owner, community.id, {
      title: '线下见面会',
      startsAt: new Date(Date.now() + 5 * day).toISOString(),
      mode: 'offline',
      address: '上海市静安区南京西路 1 号',
      tags: ['见面会'],
    });
    const sooner = await scheduleSession(t.app, owner, community.id, {
      title: 'PPT 标题层级入门',
      startsAt: new Date(Date.now() + 2 * day).toISOString(),
      tags: ['PPT'],
    });
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community.id}/sessions`,
      headers: member.headers,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((s: { id: string }) => s.id)).toEqual([sooner.id, later.id]);
    const filtered = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community.id}/sessions?tag=ppt`,
      headers: member.headers,
    });
    expect(filtered.json().items.map((s: { title: string }) => s.title)).toEqual(['PPT 标题层级入门']);
    for (const url of [`/api/communities/${community.id}/sessions`, `/api/sessions/${sooner.id}`]) {
      const response = await t.app.inject({ method: 'GET', url, headers: outsider.headers });
      expect(response.statusCode).toBe(403);
    }
    const badId = await t.app.inject({
      method: 'GET',
      url: '/api/sessions/not-a-uuid',
      headers: member.headers,
    });
    expect(badId.statusCode).toBe(400);
  });

  it('pages with a keyset cursor and refuses a forged cursor', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    for (let i = 0; i < 22; i += 1) {
      await scheduleSession(t.app, owner, community.id, {
        startsAt: new Date(Date.now() + (i + 1) * 3600_000).toISOString(),
      });
    }
    const first = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community.id}/sessions`,
      headers: owner.headers,
    });
    expect(first.json().items).toHaveLength(20);
    const second = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community.id}/sessions?cursor=${first.json().nextCursor}`,
      headers: owner.headers,
    });
    expect(second.json().items).toHaveLength(2);
    expect(second.json().nextCursor).toBeNull();
    const forged = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community.id}/sessions?cursor=abc`,
      headers: owner.headers,
    });
    expect(forged.statusCode).toBe(400);
  });
});

describe('editing and cancelling', () => {
  it('notifies everyone signed up when the time moves, and moves their reminders', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id);
    await signUpOk(t.app, member, session.id);
    const remindersBefore = (await noticesOf(t.db, member.user.id)).filter(
      (n) => n.kind === 'session_reminder',
    );
    expect(remindersBefore.filter((n) => n.status === 'pending')).toHaveLength(2);

    const newStart = new Date(Date.now() + 4 * 24 * 3600_000);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/sessions/${session.id}`,
      headers: owner.headers,
      payload: { startsAt: newStart.toISOString() },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().signUpDeadline).toBe(newStart.toISOString());
    const after = await noticesOf(t.db, member.user.id);
    expect(after.filter((n) => n.kind === 'session_changed')).toHaveLength(1);
    const pending = after.filter((n) => n.kind === 'session_reminder' && n.status === 'pending');
    expect(pending.map((n) => n.dueAt.getTime()).sort()).toEqual(
      [newStart.getTime() - 1440 * 60_000, newStart.getTime() - 60 * 60_000].sort(),
    );
  });

  it('lets the host and team edit, refuses members, and never cuts capacity below the seats taken', async () => {
    const { community, owner, secretary, member } = await communityWithTeam(t.app);
    const [host, other] = await members(t.app, community.inviteCode!, 2);
    const session = await scheduleSession(t.app, owner, community.id, {
      hostUserId: host!.user.id,
      capacity: 3,
    });
    const edit = (user: typeof owner, payload: object) =>
      t.app.inject({ method: 'PATCH', url: `/api/sessions/${session.id}`, headers: user.headers, payload });
    expect((await edit(host!, { title: '主持人改了标题' })).statusCode).toBe(200);
    expect((await edit(secretary, { durationMinutes: 30 })).statusCode).toBe(200);
    expect((await edit(member, { title: '成员改标题' })).statusCode).toBe(403);
    await signUpOk(t.app, member, session.id, 2);
    const tooSmall = await edit(owner, { capacity: 2 });
    expect(tooSmall.statusCode).toBe(409);
    expect(tooSmall.json().code).toBe('CAPACITY_BELOW_CONFIRMED');
    // More seats: the waitlist moves up at once.
    expect((await signUpOk(t.app, other!, session.id, 1)).status).toBe('waitlisted');
    expect((await edit(owner, { capacity: 5 })).statusCode).toBe(200);
    expect((await getSession(t.app, other!, session.id)).mySignup?.status).toBe('confirmed');
  });

  it('cancelling notifies everyone, withdraws reminders and ends sign-ups', async () => {
    const { community, owner, member, admin } = await communityWithTeam(t.app);
    const session = await scheduleSession(t.app, owner, community.id, { capacity: 1 });
    await signUpOk(t.app, member, session.id);
    await signUpOk(t.app, admin, session.id);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/sessions/${session.id}/cancel`,
      headers: member.headers,
    });
    expect(refused.statusCode).toBe(403);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/sessions/${session.id}/cancel`,
      headers: owner.headers,
    });
    expect(response.json().status).toBe('cancelled');
    for (const user of [member, admin]) {
      const mine = await noticesOf(t.db, user.user.id);
      expect(mine.filter((n) => n.kind === 'session_cancelled')).toHaveLength(1);
      expect(mine.filter((n) => n.kind === 'session_reminder' && n.status === 'pending')).toHaveLength(0);
    }
    const late = await devLogin(t.app);
    await t.app.inject({
      method: 'POST',
      url: '/api/communities/join',
      headers: late.headers,
      payload: { inviteCode: community.inviteCode },
    });
    const signup = await t.app.inject({
      method: 'POST',
      url: `/api/sessions/${session.id}/signups`,
      headers: late.headers,
      payload: {},
    });
    expect(signup.json().code).toBe('SESSION_CANCELLED');
  });
});
