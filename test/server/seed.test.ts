import { eq } from 'drizzle-orm';
import { communities, memberships, users } from '../../server/db/schema';
import { demoCommunity, demoMembers, keepDemoCurrent, seedDemoCommunity } from '../../server/db/seed';
import { devLogin } from '../support/api-session';
import { rowCounts } from '../support/row-counts';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function runningWorkshop(headers: Record<string, string>) {
  const [community] = await t.db.select().from(communities).where(eq(communities.inviteCode, 'QY2K26'));
  const list = await t.app.inject({ url: `/api/communities/${community!.id}/sessions`, headers });
  const item = list.json().items.find((session: { title: string }) => session.title.startsWith('烘焙工作坊'));
  return (await t.app.inject({ url: `/api/sessions/${item.id}`, headers })).json();
}

describe('seedDemoCommunity', () => {
  it('creates the essay community with every role, once', async () => {
    expect(await seedDemoCommunity(t.db)).toBe(true);
    const counts = await rowCounts(t.db);
    expect(await seedDemoCommunity(t.db)).toBe(false);
    expect(await rowCounts(t.db)).toEqual(counts);

    const [community] = await t.db.select().from(communities).where(eq(communities.inviteCode, 'QY2K26'));
    expect(community).toMatchObject({ name: '一起走上10万+之路', capacity: 100 });
    const roles = await t.db
      .select({ nickname: users.nickname, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.communityId, community!.id));
    expect(roles).toHaveLength(demoMembers.length);
    expect(roles).toEqual(expect.arrayContaining([{ nickname: '李根', role: 'owner' }]));
    expect(new Set(roles.map((row) => row.role))).toEqual(new Set(['owner', 'admin', 'secretary', 'member']));
  });

  it("puts 小白's request, brought by 张三丰's share card, in the owner's queue", async () => {
    const owner = await devLogin(t.app, '李根');
    const [community] = await t.db.select().from(communities).where(eq(communities.inviteCode, 'QY2K26'));
    const queue = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community!.id}/join-requests`,
      headers: owner.headers,
    });
    expect(queue.json()).toEqual([
      expect.objectContaining({
        user: expect.objectContaining({ nickname: '小白' }),
        inviter: expect.objectContaining({ nickname: '张三丰' }),
        via: 'share_card',
        status: 'pending',
      }),
    ]);
  });

  it('shows a waiting party of three that accepts a smaller spot on the fruit session', async () => {
    const member = await devLogin(t.app, '周芷若');
    const [community] = await t.db.select().from(communities).where(eq(communities.inviteCode, 'QY2K26'));
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community!.id}/sessions`,
      headers: member.headers,
    });
    const fruit = list.json().items.find((item: { title: string }) => item.title.includes('切水果'));
    expect(fruit).toMatchObject({ seatsLeft: 0, waitlistCount: 1 });
    expect(fruit.mySignup).toMatchObject({ status: 'waitlisted', guests: 2, minGuests: 0, position: 1 });
  });

  it('shows a weekly series, 周五烘焙小课, after the first upcoming session, 刘晓 signed up for all of it', async () => {
    const member = await devLogin(t.app, '刘晓');
    const [community] = await t.db.select().from(communities).where(eq(communities.inviteCode, 'QY2K26'));
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community!.id}/sessions`,
      headers: member.headers,
    });
    const items: Array<{ id: string; title: string; startsAt: string; seriesId: string | null }> =
      list.json().items;
    const notStarted = items.filter((item) => Date.parse(item.startsAt) > Date.now());
    expect(notStarted[0]!.title).toBe('15分钟：切水果做蛋糕装饰');
    const dates = items.filter((item) => item.title === '周五烘焙小课');
    expect(dates).toHaveLength(4);
    expect(new Set(dates.map((date) => date.seriesId)).size).toBe(1);
    const first = await t.app.inject({ url: `/api/sessions/${dates[0]!.id}`, headers: member.headers });
    expect(first.json()).toMatchObject({
      series: { text: '每周五 20:00 · 共 4 次', upcomingDates: 4 },
      mySignup: { status: 'confirmed' },
    });
  });

  it("shows scanning at once: the owner's workshop is on, 签到码 and QR open, 赵敏 holds 我的签到码", async () => {
    const owner = await devLogin(t.app, '李根');
    const member = await devLogin(t.app, '赵敏');
    const workshop = await runningWorkshop(member.headers);
    expect(Date.parse(workshop.startsAt)).toBeLessThan(Date.now());
    expect(workshop.mySignup).toMatchObject({ status: 'confirmed', guests: 1, checkedIn: false });

    const attendance = await t.app.inject({
      url: `/api/sessions/${workshop.id}/attendance`,
      headers: owner.headers,
    });
    expect(attendance.json()).toMatchObject({ checkInCode: '4826', checkedInCount: 1 });
    const qr = await t.app.inject({
      url: `/api/sessions/${workshop.id}/check-in-qr`,
      headers: owner.headers,
    });
    expect(qr.statusCode).toBe(200);
    expect(qr.json().codes.length).toBeGreaterThan(0);
    const pass = await t.app.inject({
      url: `/api/sessions/${workshop.id}/check-in-passes/me`,
      headers: member.headers,
    });
    expect(pass.json()).toMatchObject({
      noPass: null,
      pass: { nickname: '赵敏', guests: 1, checkedIn: false },
    });

    // Full, so 首页's next session with seats left stays one that has not started.
    expect(workshop.seatsLeft).toBe(0);
  });

  it('brings the workshop back on at a later demo start, its sign-ups as seeded', async () => {
    const owner = await devLogin(t.app, '李根');
    const member = await devLogin(t.app, '赵敏');
    const before = await runningWorkshop(member.headers);
    // A visitor checks 赵敏 in by the typed code; unchanged while the workshop is still on.
    await t.app.inject({
      method: 'POST',
      url: `/api/sessions/${before.id}/check-in`,
      headers: member.headers,
      payload: { code: '4826' },
    });
    await keepDemoCurrent(t.db);
    expect((await runningWorkshop(member.headers)).mySignup).toMatchObject({ checkedIn: true });

    const nextWeek = new Date(Date.now() + 7 * 24 * 3600_000);
    await keepDemoCurrent(t.db, nextWeek);
    t.clock.set(nextWeek);
    try {
      const after = await runningWorkshop(member.headers);
      expect(after.id).toBe(before.id);
      expect(Date.parse(after.startsAt)).toBeGreaterThan(nextWeek.getTime() - 15 * 60_000);
      expect(Date.parse(after.startsAt)).toBeLessThan(nextWeek.getTime());
      expect(after.mySignup).toMatchObject({ status: 'confirmed', checkedIn: false });
      const qr = await t.app.inject({ url: `/api/sessions/${after.id}/check-in-qr`, headers: owner.headers });
      expect(qr.statusCode).toBe(200);
    } finally {
      t.clock.set(new Date());
    }
  });

  it('shows attendance records from the past sessions with check-in: 周芷若 came to 1 of 2, as she and the team see', async () => {
    const member = await devLogin(t.app, '周芷若');
    const owner = await devLogin(t.app, '李根');
    const [community] = await t.db.select().from(communities).where(eq(communities.inviteCode, 'QY2K26'));
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community!.id}/members/me`,
      headers: member.headers,
    });
    expect(mine.json().attendance).toMatchObject({ counted: 2, attended: 1, noShows: 1, lateCancels: 0 });
    expect(mine.json().attendance.gentleRule).toMatchObject({ heldBack: false });
    const seenByOwner = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community!.id}/members/${member.user.id}`,
      headers: owner.headers,
    });
    expect(seenByOwner.json().attendance).toMatchObject({ counted: 2, attended: 1 });
  });

  it('shows the gentle rule: 张三丰 missed 3 sessions, so his sign-up for the PPT class waits with seats free', async () => {
    const member = await devLogin(t.app, '张三丰');
    const [community] = await t.db.select().from(communities).where(eq(communities.inviteCode, 'QY2K26'));
    expect(community!.gentleRule).toBe(true);
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community!.id}/members/me`,
      headers: member.headers,
    });
    expect(mine.json().attendance).toMatchObject({
      counted: 4,
      attended: 1,
      noShows: 3,
      gentleRule: { heldBack: true, noShows: 3, attendedToClear: 2 },
    });
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community!.id}/sessions`,
      headers: member.headers,
    });
    const ppt = list.json().items.find((item: { title: string }) => item.title.includes('标题层级'));
    expect(ppt.seatsLeft).toBeGreaterThan(0);
    expect(ppt.mySignup).toMatchObject({ status: 'waitlisted', position: 1, heldBack: true });
  });

  it('lets the H5 dev login sign in as the demo owner', async () => {
    const owner = await devLogin(t.app, '李根');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: owner.headers });
    expect(me.json().memberships).toEqual([
      expect.objectContaining({ communityName: demoCommunity.name, role: 'owner' }),
    ]);
  });

  it('lets a newcomer join with the demo code typed loosely', async () => {
    const newcomer = await devLogin(t.app, '新朋友');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/communities/join',
      headers: newcomer.headers,
      payload: { inviteCode: 'qy 2k26' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      outcome: 'joined',
      community: { name: demoCommunity.name, myRole: 'member' },
    });
  });

  it('shows the digest, search and exports: a shared 本周群周报, tips found by 烘焙, a line in the export log', async () => {
    const member = await devLogin(t.app, '刘晓');
    const secretary = await devLogin(t.app, '陈秘书');
    const [community] = await t.db.select().from(communities).where(eq(communities.inviteCode, 'QY2K26'));
    const base = `/api/communities/${community!.id}`;

    const latest = (
      await t.app.inject({ url: `${base}/weekly-digests/latest`, headers: member.headers })
    ).json();
    expect(latest.latest).not.toBeNull();
    const digest = await t.app.inject({
      url: `${base}/weekly-digests/${latest.latest.weekStart}`,
      headers: member.headers,
    });
    expect(digest.json().digest).toMatchObject({
      intro: expect.stringContaining('这周群里很热闹'),
      canManage: false,
    });

    const found = await t.app.inject({
      url: `${base}/tips/search`,
      query: { q: '烘焙' },
      headers: member.headers,
    });
    expect(found.json().items.map((tip: { title: string }) => tip.title)).toContain(
      '猕猴桃不用削皮，一把勺子就能取出果肉',
    );
    const log = await t.app.inject({ url: `${base}/exports`, headers: secretary.headers });
    expect(log.json().items).toEqual([
      expect.objectContaining({ kind: 'members', rowCount: demoMembers.length }),
    ]);
  });

  it('shows the team one open report: an ad in a note, reported by 赵敏', async () => {
    const [community] = await t.db.select().from(communities).where(eq(communities.inviteCode, 'QY2K26'));
    const secretary = await devLogin(t.app, '陈秘书');
    const queue = await t.app.inject({
      url: `/api/communities/${community!.id}/reports`,
      headers: secretary.headers,
    });
    expect(queue.json()).toEqual([
      expect.objectContaining({
        targetKind: 'note',
        excerpt: expect.stringContaining('一键同步的小工具'),
        author: expect.objectContaining({ nickname: '周芷若', role: 'member' }),
        reporter: expect.objectContaining({ nickname: '赵敏' }),
        status: 'open',
      }),
    ]);
  });
});
