import { and, eq } from 'drizzle-orm';
import type { App } from '../../../server/app';
import type { Database } from '../../../server/db/database';
import {
  memberships,
  memberTags,
  promotionRequests,
  promotionSlots,
  sessionSignups,
  sessions,
  tips,
  tipTries,
  users,
} from '../../../server/db/schema';
import { communityWithTeam, devLogin, joinCommunity, uniqueName } from '../../support/api-session';
import { apiCall } from '../../support/route-fixtures';

/**
 * The week of Monday 23 November 2026 in China (22 Nov 16:00 UTC to 29 Nov 16:00 UTC), seen on its
 * Thursday noon; next week starts on 30 November.
 */
export const week = '2026-11-23';
export const thursdayNoon = new Date('2026-11-26T04:00:00Z');
export const fridayEvening = new Date('2026-11-27T10:05:00Z');

export async function userRow(db: Database, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row!;
}

async function tipAt(
  app: App,
  db: Database,
  owner: Parameters<typeof apiCall>[1],
  communityId: string,
  title: string,
  publishedAt: string,
) {
  const tip = await apiCall<{ id: string }>(app, owner, 'POST', `/api/communities/${communityId}/tips`, {
    title,
    body: '一个马上能用的小技巧。',
    steps: [],
    tags: [],
    minutes: 3,
  });
  await db
    .update(tips)
    .set({ publishedAt: new Date(publishedAt) })
    .where(eq(tips.id, tip.id));
  return tip.id;
}

async function sessionAt(
  app: App,
  db: Database,
  owner: Parameters<typeof apiCall>[1],
  communityId: string,
  title: string,
  startsAt: string,
  capacity: number,
) {
  const session = await apiCall<{ id: string }>(
    app,
    owner,
    'POST',
    `/api/communities/${communityId}/sessions`,
    {
      title,
      startsAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
      durationMinutes: 60,
      mode: 'offline',
      address: '社区活动室',
      capacity,
    },
  );
  await db
    .update(sessions)
    .set({ startsAt: new Date(startsAt), signUpDeadline: new Date(startsAt) })
    .where(eq(sessions.id, session.id));
  return session.id;
}

/**
 * A community whose week of 23 November has something in every section: two new tips (one tried
 * three times that week), a tip from last week tried twice that week, two sessions next week (one
 * full), an approved promotion on Wednesday, and two newcomers (阿青 with tags, invited by the
 * member; 小林 without).
 */
export async function busyWeek(app: App, db: Database) {
  const team = await communityWithTeam(app);
  const communityId = team.community.id;
  await db
    .update(memberships)
    .set({ joinedAt: new Date('2026-09-01T00:00:00Z') })
    .where(eq(memberships.communityId, communityId));

  const oldTip = await tipAt(app, db, team.owner, communityId, 'PPT 标题层级', '2026-11-18T02:00:00Z');
  const newTip = await tipAt(app, db, team.owner, communityId, '猕猴桃去皮', '2026-11-24T02:00:00Z');
  const triedTip = await tipAt(app, db, team.owner, communityId, '红薯烤得更甜', '2026-11-25T02:00:00Z');
  const tries = [
    [triedTip, team.member, '2026-11-25T03:00:00Z'],
    [triedTip, team.admin, '2026-11-25T04:00:00Z'],
    [triedTip, team.secretary, '2026-11-26T01:00:00Z'],
    [oldTip, team.member, '2026-11-24T03:00:00Z'],
    [oldTip, team.admin, '2026-11-24T05:00:00Z'],
    // A try of last week does not count for this one.
    [newTip, team.secretary, '2026-11-20T05:00:00Z'],
  ] as const;
  await db.insert(tipTries).values(
    tries.map(([tipId, user, at]) => ({
      tipId,
      userId: user.user.id,
      createdAt: new Date(at),
      updatedAt: new Date(at),
    })),
  );

  const openSession = await sessionAt(
    app,
    db,
    team.owner,
    communityId,
    '周二烘焙课',
    '2026-12-01T12:00:00Z',
    5,
  );
  const fullSession = await sessionAt(
    app,
    db,
    team.owner,
    communityId,
    '满员的读书会',
    '2026-12-02T12:00:00Z',
    1,
  );
  // Written directly, with the seat counter the seat ledger keeps beside its sign-ups.
  await db
    .insert(sessionSignups)
    .values({ sessionId: fullSession, userId: team.member.user.id, status: 'confirmed' });
  await db.update(sessions).set({ seatsTaken: 1 }).where(eq(sessions.id, fullSession));
  await sessionAt(app, db, team.owner, communityId, '下下周的活动', '2026-12-08T12:00:00Z', 5);

  const [slot] = await db
    .insert(promotionSlots)
    .values({
      communityId,
      startsAt: new Date('2026-11-25T12:00:00Z'),
      endsAt: new Date('2026-11-25T13:00:00Z'),
      places: 2,
      approvedCount: 1,
      source: 'schedule',
    })
    .returning();
  await db.insert(promotionRequests).values({
    communityId,
    slotId: slot!.id,
    userId: team.admin.user.id,
    title: '手作蛋糕店开业',
    content: '周末开业，群友九折。',
    category: '店铺',
    status: 'approved',
    contentVerdict: 'pass',
  });

  const aqing = await devLogin(app, uniqueName('阿青'));
  const xiaolin = await devLogin(app, uniqueName('@小林'));
  for (const [user, joinedAt] of [
    [aqing, '2026-11-23T01:00:00Z'],
    [xiaolin, '2026-11-24T01:00:00Z'],
  ] as const) {
    await joinCommunity(app, user, team.community.inviteCode!);
    await db
      .update(memberships)
      .set({ joinedAt: new Date(joinedAt), invitedBy: user === aqing ? team.member.user.id : null })
      .where(and(eq(memberships.communityId, communityId), eq(memberships.userId, user.user.id)));
  }
  await db
    .insert(memberTags)
    .values(['烘焙', '写作'].map((tag) => ({ communityId, userId: aqing.user.id, tag })));

  return { team, communityId, newTip, triedTip, oldTip, openSession, aqing, xiaolin };
}
