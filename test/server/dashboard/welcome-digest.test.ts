import { and, eq } from 'drizzle-orm';
import { memberships, memberTags, users } from '../../../server/db/schema';
import { getWelcomeDigest } from '../../../server/modules/dashboard/welcome-digest-service';
import type { WelcomeDigestView } from '../../../src/domain/contract/dashboard';
import { communityWithTeam, devLogin, joinCommunity, uniqueName } from '../../support/api-session';
import { rowCounts } from '../../support/row-counts';
import { createTestApp, type TestApp } from '../../support/test-app';

// Thursday 26 November 2026, 08:00 in China: today began at 25 Nov 16:00 UTC, this week at 22 Nov 16:00 UTC.
const now = new Date('2026-11-26T00:00:00Z');

describe('新人欢迎', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function ownerRow(id: string) {
    const [row] = await t.db.select().from(users).where(eq(users.id, id));
    return row!;
  }

  /** Old hands with tags, and newcomers of today, earlier this week and last week. */
  async function communityWithNewcomers() {
    const team = await communityWithTeam(t.app);
    const communityId = team.community.id;
    await t.db
      .update(memberships)
      .set({ joinedAt: new Date('2026-09-01T00:00:00Z') })
      .where(eq(memberships.communityId, communityId));
    const today = await devLogin(t.app, uniqueName('@小林'));
    const thisWeek = await devLogin(t.app, uniqueName('阿青'));
    const lastWeek = await devLogin(t.app, uniqueName('老周'));
    for (const [user, joinedAt] of [
      [today, '2026-11-25T17:00:00Z'], // 26 Nov 01:00 in China
      [thisWeek, '2026-11-23T01:00:00Z'],
      [lastWeek, '2026-11-22T15:00:00Z'], // Sunday 22 Nov 23:00 in China
    ] as const) {
      await joinCommunity(t.app, user, team.community.inviteCode!);
      await t.db
        .update(memberships)
        .set({ joinedAt: new Date(joinedAt) })
        .where(and(eq(memberships.communityId, communityId), eq(memberships.userId, user.user.id)));
    }
    // 阿青 came through the member's share card.
    await t.db
      .update(memberships)
      .set({ invitedBy: team.member.user.id })
      .where(and(eq(memberships.communityId, communityId), eq(memberships.userId, thisWeek.user.id)));
    const tag = (userId: string, name: string) => ({ communityId, userId, tag: name });
    await t.db
      .insert(memberTags)
      .values([
        tag(team.owner.user.id, '写作'),
        tag(team.secretary.user.id, '写作'),
        tag(lastWeek.user.id, '写作'),
        tag(today.user.id, '写作'),
      ]);
    return { team, communityId, today, thisWeek };
  }

  it('lists today’s newcomers with the tags they share, in a message that mentions nobody', async () => {
    const { team, communityId, today } = await communityWithNewcomers();

    const digest = await getWelcomeDigest(t.db, await ownerRow(team.owner.user.id), communityId, now);

    expect(digest.since).toBe('2026-11-25T16:00:00.000Z');
    expect(digest.newcomers).toEqual([
      {
        userId: today.user.id,
        nickname: today.user.nickname,
        invitedBy: null,
        joinedAt: '2026-11-25T17:00:00.000Z',
        tags: ['写作'],
        sharedTags: [{ tag: '写作', others: 3 }],
      },
    ]);
    const name = today.user.nickname.replace('@', '');
    expect(digest.text).toBe(
      [
        `欢迎今天新加入「${team.community.name}」的 1 位朋友：`,
        `· ${name}：写作（和 3 位群友一样喜欢写作）`,
        '标签相同的朋友，可以在「和我相似的人」里找到彼此。',
      ].join('\n'),
    );
    expect(digest.text).not.toContain('@');
  });

  it('welcomes a newcomer without tags by name, and says who invited them', async () => {
    const { team, communityId, thisWeek } = await communityWithNewcomers();
    const thatMorning = new Date('2026-11-23T02:00:00Z');

    const digest = await getWelcomeDigest(t.db, await ownerRow(team.owner.user.id), communityId, thatMorning);

    expect(digest.newcomers[0]).toMatchObject({ userId: thisWeek.user.id, tags: [], sharedTags: [] });
    expect(digest.text.split('\n')).toContain(
      `· ${thisWeek.user.nickname}（${team.member.user.nickname} 邀请）`,
    );
    expect(digest.text).not.toContain('还没有');
  });

  it('answers an empty list and no text on a quiet day', async () => {
    const { team, communityId } = await communityWithNewcomers();
    const quietDay = new Date('2026-11-28T00:00:00Z');
    const digest = await getWelcomeDigest(t.db, await ownerRow(team.owner.user.id), communityId, quietDay);
    expect(digest).toMatchObject({ newcomers: [], text: '' });
  });

  it('answers who invited each newcomer', async () => {
    const team = await communityWithTeam(t.app);
    await t.db
      .update(memberships)
      .set({ invitedBy: team.owner.user.id })
      .where(
        and(eq(memberships.communityId, team.community.id), eq(memberships.userId, team.member.user.id)),
      );

    const response = await t.app.inject({
      url: `/api/communities/${team.community.id}/welcome-digest`,
      headers: team.owner.headers,
    });

    const newcomers = response.json<WelcomeDigestView>().newcomers;
    expect(newcomers.find((n) => n.userId === team.member.user.id)?.invitedBy).toBe(team.owner.user.nickname);
    expect(newcomers.find((n) => n.userId === team.admin.user.id)?.invitedBy).toBeNull();
  });

  it('is open to the team only, and refuses options it does not take without writing anything', async () => {
    const team = await communityWithTeam(t.app);
    const url = `/api/communities/${team.community.id}/welcome-digest`;
    for (const user of [team.owner, team.admin, team.secretary]) {
      const response = await t.app.inject({ url, headers: user.headers });
      expect(response.statusCode).toBe(200);
      // The whole team joined today: the owner by creating it.
      expect(response.json<WelcomeDigestView>().newcomers).toHaveLength(4);
    }
    const member = await t.app.inject({ url, headers: team.member.headers });
    expect(member.statusCode).toBe(403);
    expect(member.json().code).toBe('FORBIDDEN');
    const outsider = await t.app.inject({ url, headers: team.outsider.headers });
    expect(outsider.json().code).toBe('NOT_A_MEMBER');

    const before = await rowCounts(t.db);
    // The week's newcomers moved to 本周群周报: the period option is gone.
    for (const query of ['period=week', 'extra=1']) {
      const response = await t.app.inject({ url: `${url}?${query}`, headers: team.owner.headers });
      expect(response.statusCode).toBe(400);
    }
    expect(await rowCounts(t.db)).toEqual(before);
  });
});
