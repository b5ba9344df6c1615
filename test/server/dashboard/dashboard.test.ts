import { eq } from 'drizzle-orm';
import {
  membershipEvents,
  memberTags,
  promotionDecisions,
  promotionRequests,
  promotionSlots,
  sessionSignups,
  sessions,
  tipSaves,
  tips,
  tipTries,
  users,
} from '../../../server/db/schema';
import {
  contentChart,
  promotionsChart,
  sessionsChart,
  sizeChart,
  tagsChart,
  teamChart,
} from '../../../server/modules/dashboard/dashboard-queries';
import { getDashboard } from '../../../server/modules/dashboard/dashboard-service';
import type { DashboardView } from '../../../src/domain/contract/dashboard';
import { communityWithTeam, createCommunity, devLogin } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';

// Thursday 26 November 2026, 08:00 in China: the dashboard's weeks start on Mondays 5 Oct ... 23 Nov.
const now = new Date('2026-11-26T00:00:00Z');
const weekStarts = [
  '2026-10-05',
  '2026-10-12',
  '2026-10-19',
  '2026-10-26',
  '2026-11-02',
  '2026-11-09',
  '2026-11-16',
  '2026-11-23',
];
const at = (iso: string) => new Date(iso);

/** Zero for every week except the ones given. */
function series<T extends object>(zero: T, weeks: Record<string, Partial<T>>) {
  return weekStarts.map((weekStart) => ({ weekStart, ...zero, ...weeks[weekStart] }));
}

describe('owner dashboard', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function userRow(id: string) {
    const [row] = await t.db.select().from(users).where(eq(users.id, id));
    return row!;
  }

  it('counts joins and leaves per China-time week, empty weeks 0, older events left out', async () => {
    const team = await communityWithTeam(t.app);
    const communityId = team.community.id;
    await t.db.delete(membershipEvents).where(eq(membershipEvents.communityId, communityId));
    const event = (kind: 'joined' | 'left', iso: string) => ({
      communityId,
      userId: team.member.user.id,
      kind,
      at: at(iso),
    });
    await t.db.insert(membershipEvents).values([
      event('joined', '2026-11-22T16:30:00Z'), // Monday 23 Nov 00:30 in China: this week
      event('joined', '2026-11-22T15:30:00Z'), // Sunday 22 Nov 23:30 in China: the week before
      event('left', '2026-11-20T00:00:00Z'),
      event('joined', '2026-10-05T00:00:00Z'), // first day of the first week
      event('joined', '2026-10-04T12:00:00Z'), // Sunday 4 Oct 20:00 in China: before the window
    ]);

    const size = await sizeChart(t.db, communityId, now);

    expect(size.memberCount).toBe(4);
    expect(size.capacity).toBe(100);
    expect(size.weeks).toEqual(
      series(
        { joined: 0, left: 0 },
        { '2026-10-05': { joined: 1 }, '2026-11-16': { joined: 1, left: 1 }, '2026-11-23': { joined: 1 } },
      ),
    );
  });

  it('counts the team and adds the gentle note once it grows past one admin and one secretary', async () => {
    const team = await communityWithTeam(t.app);
    expect(await teamChart(t.db, team.community.id)).toEqual({ admins: 1, secretaries: 1 });
    let view = await getDashboard(t.db, await userRow(team.owner.user.id), team.community.id, now);
    expect(view.team.note).toBeNull();

    await t.app.inject({
      method: 'PUT',
      url: `/api/communities/${team.community.id}/members/${team.member.user.id}/role`,
      headers: team.owner.headers,
      payload: { role: 'admin' },
    });
    view = await getDashboard(t.db, await userRow(team.owner.user.id), team.community.id, now);
    expect(view.team).toMatchObject({ admins: 2, secretaries: 1, recommended: { admin: 1, secretary: 1 } });
    expect(view.team.note).toContain('不是一座监狱');
  });

  it('counts tips published, saved and tried per week and lists the most tried published tips', async () => {
    const team = await communityWithTeam(t.app);
    const communityId = team.community.id;
    const other = await createCommunity(t.app, team.outsider);
    const tip = (
      title: string,
      status: 'published' | 'draft',
      publishedAt: string | null,
      tryCount: number,
      community = communityId,
    ) => ({
      communityId: community,
      authorId: team.owner.user.id,
      title,
      body: '正文',
      minutes: 5,
      status,
      publishedAt: publishedAt ? at(publishedAt) : null,
      tryCount,
    });
    const [a, b, draft] = await t.db
      .insert(tips)
      .values([
        tip('标题公式', 'published', '2026-11-23T02:00:00Z', 3),
        tip('封面三秒', 'published', '2026-11-15T17:00:00Z', 5), // Monday 16 Nov 01:00 in China
        tip('草稿', 'draft', null, 9),
        tip('别的群', 'published', '2026-11-23T02:00:00Z', 7, other.id),
      ])
      .returning({ id: tips.id });
    await t.db.insert(tipSaves).values([
      { tipId: a!.id, userId: team.owner.user.id, createdAt: at('2026-11-24T00:00:00Z') },
      { tipId: b!.id, userId: team.member.user.id, createdAt: at('2026-11-17T00:00:00Z') },
      { tipId: b!.id, userId: team.owner.user.id, createdAt: at('2026-09-01T00:00:00Z') },
    ]);
    await t.db.insert(tipTries).values([
      { tipId: a!.id, userId: team.owner.user.id, createdAt: at('2026-11-24T00:00:00Z') },
      { tipId: a!.id, userId: team.member.user.id, createdAt: at('2026-11-25T00:00:00Z') },
      { tipId: b!.id, userId: team.owner.user.id, createdAt: at('2026-11-10T00:00:00Z') },
      { tipId: draft!.id, userId: team.owner.user.id, createdAt: at('2026-11-10T00:00:00Z') },
    ]);

    const content = await contentChart(t.db, communityId, now);

    expect(content.weeks).toEqual(
      series(
        { published: 0, saved: 0, tried: 0 },
        {
          '2026-11-09': { tried: 2 },
          '2026-11-16': { published: 1, saved: 1 },
          '2026-11-23': { published: 1, saved: 1, tried: 2 },
        },
      ),
    );
    expect(content.mostTried).toEqual([
      { id: b!.id, title: '封面三秒', tryCount: 5 },
      { id: a!.id, title: '标题公式', tryCount: 3 },
    ]);
  });

  it('shows fill rate, waitlist and attendance of the recent sessions, not cancelled or far ahead ones', async () => {
    const team = await communityWithTeam(t.app);
    const communityId = team.community.id;
    const session = (
      title: string,
      startsAt: string,
      capacity: number,
      status: 'scheduled' | 'cancelled' = 'scheduled',
    ) => ({
      communityId,
      title,
      hostUserId: team.owner.user.id,
      createdBy: team.owner.user.id,
      startsAt: at(startsAt),
      signUpDeadline: at(startsAt),
      durationMinutes: 60,
      mode: 'online' as const,
      capacity,
      status,
    });
    const [past, upcoming] = await t.db
      .insert(sessions)
      .values([
        session('复盘会', '2026-11-20T12:00:00Z', 10),
        session('标题工作坊', '2026-11-28T12:00:00Z', 4),
        session('取消了', '2026-11-21T12:00:00Z', 10, 'cancelled'),
        session('下个月', '2026-12-10T12:00:00Z', 10),
      ])
      .returning({ id: sessions.id });
    const { owner, admin, secretary, member, outsider } = team;
    await t.db.insert(sessionSignups).values([
      {
        sessionId: past!.id,
        userId: owner.user.id,
        guests: 1,
        status: 'confirmed',
        checkedInAt: at('2026-11-20T12:05:00Z'),
      },
      { sessionId: past!.id, userId: admin.user.id, guests: 0, status: 'confirmed' },
      { sessionId: past!.id, userId: secretary.user.id, guests: 0, status: 'offered' },
      { sessionId: past!.id, userId: member.user.id, guests: 1, status: 'waitlisted' },
      { sessionId: past!.id, userId: outsider.user.id, guests: 0, status: 'cancelled' },
      { sessionId: upcoming!.id, userId: owner.user.id, guests: 0, status: 'confirmed' },
    ]);

    const view = await getDashboard(t.db, await userRow(owner.user.id), communityId, now);

    expect(view.sessions).toEqual([
      {
        id: past!.id,
        title: '复盘会',
        startsAt: '2026-11-20T12:00:00.000Z',
        capacity: 10,
        seatsTaken: 4,
        fillPercent: 40,
        waitlisted: 1,
        attended: 1,
        noShowPercent: null,
        waitlistConversionPercent: null,
      },
      {
        id: upcoming!.id,
        title: '标题工作坊',
        startsAt: '2026-11-28T12:00:00.000Z',
        capacity: 4,
        seatsTaken: 1,
        fillPercent: 25,
        waitlisted: 0,
        attended: null,
        noShowPercent: null,
        waitlistConversionPercent: null,
      },
    ]);
    expect(await sessionsChart(t.db, communityId, now)).toHaveLength(2);
  });

  it('counts promotion requests, decisions and the empty places of ended slots per week', async () => {
    const team = await communityWithTeam(t.app);
    const communityId = team.community.id;
    const slot = (startsAt: string, places: number, approvedCount: number, closedAt: Date | null = null) => ({
      communityId,
      startsAt: at(startsAt),
      endsAt: new Date(at(startsAt).getTime() + 30 * 60_000),
      places,
      approvedCount,
      source: 'extra' as const,
      closedAt,
    });
    const [lastWeek, thisWeek] = await t.db
      .insert(promotionSlots)
      .values([
        slot('2026-11-18T02:00:00Z', 3, 1),
        slot('2026-11-25T02:00:00Z', 2, 0),
        slot('2026-11-27T02:00:00Z', 3, 0), // not over yet
        slot('2026-11-19T02:00:00Z', 3, 0, at('2026-11-18T00:00:00Z')), // closed by the owner
      ])
      .returning({ id: promotionSlots.id });
    const request = (
      userId: string,
      slotId: string,
      createdAt: string,
      status: 'approved' | 'rejected' | 'pending',
    ) => ({
      communityId,
      slotId,
      userId,
      title: '推广',
      content: '内容',
      category: '文章',
      contentVerdict: 'pass',
      status,
      createdAt: at(createdAt),
    });
    const [approved, rejected] = await t.db
      .insert(promotionRequests)
      .values([
        request(team.member.user.id, lastWeek!.id, '2026-11-17T00:00:00Z', 'approved'),
        request(team.admin.user.id, thisWeek!.id, '2026-11-24T00:00:00Z', 'rejected'),
        request(team.secretary.user.id, thisWeek!.id, '2026-11-24T05:00:00Z', 'pending'),
      ])
      .returning({ id: promotionRequests.id });
    await t.db.insert(promotionDecisions).values([
      { requestId: approved!.id, decision: 'approved', decidedAt: at('2026-11-17T01:00:00Z') },
      {
        requestId: rejected!.id,
        decision: 'rejected',
        reason: '不相关',
        decidedAt: at('2026-11-24T03:00:00Z'),
      },
    ]);

    expect(await promotionsChart(t.db, communityId, now)).toEqual(
      series(
        { requested: 0, approved: 0, rejected: 0, emptyPlaces: 0 },
        {
          '2026-11-16': { requested: 1, approved: 1, emptyPlaces: 2 },
          '2026-11-23': { requested: 2, rejected: 1, emptyPlaces: 2 },
        },
      ),
    );
  });

  it('lists the most held tags with the holders who added them in the last 4 weeks', async () => {
    const team = await communityWithTeam(t.app);
    const communityId = team.community.id;
    const tag = (userId: string, name: string, createdAt: string) => ({
      communityId,
      userId,
      tag: name,
      createdAt: at(createdAt),
    });
    const { owner, admin, secretary, member } = team;
    await t.db
      .insert(memberTags)
      .values([
        tag(owner.user.id, '写作', '2026-09-01T00:00:00Z'),
        tag(admin.user.id, '写作', '2026-11-20T00:00:00Z'),
        tag(member.user.id, '写作', '2026-11-25T00:00:00Z'),
        tag(owner.user.id, '摄影', '2026-09-01T00:00:00Z'),
        tag(secretary.user.id, '摄影', '2026-10-01T00:00:00Z'),
        tag(member.user.id, '剪辑', '2026-11-01T00:00:00Z'),
      ]);

    expect(await tagsChart(t.db, communityId, now)).toEqual([
      { tag: '写作', holders: 3, addedRecently: 2 },
      { tag: '摄影', holders: 2, addedRecently: 0 },
      { tag: '剪辑', holders: 1, addedRecently: 1 },
    ]);
  });

  describe('GET /api/communities/{id}/dashboard', () => {
    it('answers the owner and admins with this week’s joins and the size advice', async () => {
      const team = await communityWithTeam(t.app);
      for (const user of [team.owner, team.admin]) {
        const response = await t.app.inject({
          url: `/api/communities/${team.community.id}/dashboard`,
          headers: user.headers,
        });
        expect(response.statusCode).toBe(200);
        const view = response.json<DashboardView>();
        expect(view.size.memberCount).toBe(4);
        expect(view.size.band).toEqual({ min: 60, max: 100 });
        expect(view.size.advice).toContain('还差 56 人');
        expect(view.size.weeks).toHaveLength(8);
        // The owner (who joins by creating it) and three members all joined this week.
        expect(view.size.weeks.at(-1)!.joined).toBe(4);
        expect(view.team).toMatchObject({ admins: 1, secretaries: 1, note: null });
        expect(view.content.weeks).toHaveLength(8);
        expect(view.promotions).toHaveLength(8);
      }
    });

    it('refuses secretaries, members, outsiders and anonymous callers', async () => {
      const team = await communityWithTeam(t.app);
      const url = `/api/communities/${team.community.id}/dashboard`;
      for (const user of [team.secretary, team.member]) {
        const response = await t.app.inject({ url, headers: user.headers });
        expect(response.statusCode).toBe(403);
        expect(response.json().code).toBe('FORBIDDEN');
      }
      const outsider = await t.app.inject({ url, headers: team.outsider.headers });
      expect(outsider.statusCode).toBe(403);
      expect(outsider.json().code).toBe('NOT_A_MEMBER');
      expect((await t.app.inject({ url })).statusCode).toBe(401);
    });

    it('answers 400 for a malformed id and 404 for an unknown community', async () => {
      const owner = await devLogin(t.app);
      const bad = await t.app.inject({
        url: '/api/communities/not-a-uuid/dashboard',
        headers: owner.headers,
      });
      expect(bad.statusCode).toBe(400);
      const unknown = await t.app.inject({
        url: '/api/communities/00000000-0000-4000-8000-000000000000/dashboard',
        headers: owner.headers,
      });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().code).toBe('NOT_FOUND');
    });
  });
});
