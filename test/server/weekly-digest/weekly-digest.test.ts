import { and, eq } from 'drizzle-orm';
import { notices, weeklyDigests } from '../../../server/db/schema';
import { localTextChecker } from '../../../server/modules/content-security/local-text-checker';
import {
  editDigestIntro,
  getWeeklyDigest,
  latestWeeklyDigest,
  shareWeeklyDigest,
} from '../../../server/modules/weekly-digest/digest-service';
import { weekStartOf } from '../../../src/domain/china-weeks';
import { communityWithTeam } from '../../support/api-session';
import { rowCounts } from '../../support/row-counts';
import { createTestApp, type TestApp } from '../../support/test-app';
import { busyWeek, thursdayNoon, userRow, week } from './digest-fixtures';

describe('本周群周报', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const deps = () => ({ db: t.db, textChecker: localTextChecker });

  it('gathers the week: new tips and the most tried, next week’s sessions with seats, promotions, newcomers', async () => {
    const { team, communityId, newTip, triedTip, oldTip, openSession, aqing, xiaolin } = await busyWeek(
      t.app,
      t.db,
    );

    const { digest } = await getWeeklyDigest(
      t.db,
      await userRow(t.db, team.owner.user.id),
      communityId,
      week,
      thursdayNoon,
    );
    if (!digest) throw new Error('a busy week has a digest');

    expect(digest.weekLabel).toBe('11月23日-11月29日');
    expect(digest.mostTried.map((tip) => [tip.id, tip.tryCount])).toEqual([
      [triedTip, 3],
      [oldTip, 2],
    ]);
    // The most tried new tip is not listed twice; the old tip is not new.
    expect(digest.newTips.map((tip) => tip.id)).toEqual([newTip]);
    // The full session and the one in two weeks are left out.
    expect(digest.sessions).toEqual([
      { id: openSession, title: '周二烘焙课', startsAt: '2026-12-01T12:00:00.000Z', seatsLeft: 5 },
    ]);
    expect(digest.promotions).toMatchObject([
      { title: '手作蛋糕店开业', authorNickname: team.admin.user.nickname },
    ]);
    expect(digest.newcomers).toEqual([
      {
        userId: aqing.user.id,
        nickname: aqing.user.nickname,
        invitedBy: team.member.user.nickname,
        tags: ['写作', '烘焙'],
      },
      { userId: xiaolin.user.id, nickname: xiaolin.user.nickname, invitedBy: null, tags: [] },
    ]);
    expect(digest.text).toContain(
      `· ${aqing.user.nickname}（${team.member.user.nickname} 邀请）：写作、烘焙`,
    );
    expect(digest.text.split('\n')).toContain(`· ${xiaolin.user.nickname.replace('@', '')}`);
    expect(digest.text).not.toMatch(/[@＠]|还没有/);
    expect(digest).toMatchObject({ sharedAt: null, canManage: true, introEdited: false });
  });

  it('is the team’s preview until shared; the first share opens it to members and tells each once in 消息', async () => {
    const { team, communityId, aqing, xiaolin } = await busyWeek(t.app, t.db);
    const member = await userRow(t.db, team.member.user.id);
    const secretary = await userRow(t.db, team.secretary.user.id);

    expect(await getWeeklyDigest(t.db, member, communityId, week, thursdayNoon)).toEqual({
      digest: null,
      noDigest: 'not-shared',
    });
    expect(await latestWeeklyDigest(t.db, member, communityId, thursdayNoon)).toEqual({ latest: null });

    const shared = await shareWeeklyDigest(deps(), secretary, communityId, week, thursdayNoon);
    expect(shared.sharedAt).toBe(thursdayNoon.toISOString());
    await shareWeeklyDigest(deps(), await userRow(t.db, team.owner.user.id), communityId, week, thursdayNoon);

    const { digest: read } = await getWeeklyDigest(t.db, member, communityId, week, thursdayNoon);
    expect(read).toMatchObject({ canManage: false, sharedAt: thursdayNoon.toISOString() });
    expect(await latestWeeklyDigest(t.db, member, communityId, thursdayNoon)).toEqual({
      latest: { weekStart: week, weekLabel: '11月23日-11月29日', sharedAt: thursdayNoon.toISOString() },
    });
    const told = await t.db
      .select({ userId: notices.userId, link: notices.link })
      .from(notices)
      .where(and(eq(notices.communityId, communityId), eq(notices.kind, 'weekly_digest')));
    // Everyone but the secretary who shared it, once, though the owner shared again.
    expect(told.map((n) => n.userId).sort()).toEqual(
      [team.owner, team.admin, team.member, aqing, xiaolin].map((u) => u.user.id).sort(),
    );
    expect(told[0]!.link).toBe(`/member/weekly-digest/index?week=${week}`);
  });

  it('lets the team write the intro line, or put the default back; members may not', async () => {
    const { team, communityId } = await busyWeek(t.app, t.db);
    const admin = await userRow(t.db, team.admin.user.id);

    const edited = await editDigestIntro(
      deps(),
      admin,
      communityId,
      week,
      '这周大家都在烤红薯！',
      thursdayNoon,
    );
    expect(edited).toMatchObject({ intro: '这周大家都在烤红薯！', introEdited: true });
    expect(edited.text.split('\n')[1]).toBe('这周大家都在烤红薯！');
    const reset = await editDigestIntro(deps(), admin, communityId, week, '', thursdayNoon);
    expect(reset).toMatchObject({
      intro: '这一周群里的新技巧、活动和新朋友，都在这里。',
      introEdited: false,
    });

    const member = await userRow(t.db, team.member.user.id);
    await expect(
      editDigestIntro(deps(), member, communityId, week, '我来写', thursdayNoon),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('knows its weeks: not a Monday, a week to come, a closed week, an empty week', async () => {
    const { team, communityId } = await busyWeek(t.app, t.db);
    const owner = await userRow(t.db, team.owner.user.id);
    const quiet = await communityWithTeam(t.app);
    const quietOwner = await userRow(t.db, quiet.owner.user.id);
    const before = await rowCounts(t.db);

    await expect(getWeeklyDigest(t.db, owner, communityId, '2026-11-24', thursdayNoon)).rejects.toMatchObject(
      { code: 'VALIDATION_FAILED' },
    );
    await expect(getWeeklyDigest(t.db, owner, communityId, '2026-11-30', thursdayNoon)).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    );
    // Three weeks ago: readable, but no longer edited or shared.
    await expect(
      shareWeeklyDigest(deps(), owner, communityId, '2026-11-02', thursdayNoon),
    ).rejects.toMatchObject({ code: 'WEEKLY_DIGEST_CLOSED' });
    // A quiet week produces no digest, and cannot be shared.
    const lastWeek = '2026-11-16';
    expect(await getWeeklyDigest(t.db, quietOwner, quiet.community.id, lastWeek, thursdayNoon)).toEqual({
      digest: null,
      noDigest: 'empty',
    });
    await expect(
      shareWeeklyDigest(deps(), quietOwner, quiet.community.id, lastWeek, thursdayNoon),
    ).rejects.toMatchObject({ code: 'WEEKLY_DIGEST_EMPTY' });
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('through the API: this week’s digest previewed by the owner, shared, then read by a member from 首页’s link', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    const weekStart = weekStartOf(new Date());
    const url = `/api/communities/${community.id}/weekly-digests/${weekStart}`;
    const quiet = await t.app.inject({ url, headers: owner.headers });
    // The team joined this week: the newcomers alone make a digest.
    expect(quiet.statusCode).toBe(200);
    expect(quiet.json().digest.newcomers).toHaveLength(4);

    // Not shared yet is a state of the week, not a fault: a 200 that says so, no red line in the console.
    const unshared = await t.app.inject({ url, headers: member.headers });
    expect(unshared.statusCode).toBe(200);
    expect(unshared.json()).toEqual({ digest: null, noDigest: 'not-shared' });
    const intro = await t.app.inject({
      method: 'PUT',
      url: `${url}/intro`,
      headers: owner.headers,
      payload: { intro: '欢迎四位新朋友！' },
    });
    expect(intro.statusCode).toBe(200);
    const share = await t.app.inject({
      method: 'POST',
      url: `${url}/share`,
      headers: owner.headers,
      payload: {},
    });
    expect(share.statusCode).toBe(200);

    const latest = await t.app.inject({
      url: `/api/communities/${community.id}/weekly-digests/latest`,
      headers: member.headers,
    });
    expect(latest.json().latest.weekStart).toBe(weekStart);
    const read = await t.app.inject({ url, headers: member.headers });
    expect(read.json()).toMatchObject({
      digest: { intro: '欢迎四位新朋友！', canManage: false },
      noDigest: null,
    });
    const rows = await t.db.select().from(weeklyDigests).where(eq(weeklyDigests.communityId, community.id));
    expect(rows).toHaveLength(1);
  });
});
