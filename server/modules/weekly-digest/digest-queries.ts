import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { addWeeks, weekBounds } from '../../../src/domain/china-weeks';
import { seatsLeft } from '../../../src/domain/sessions';
import { type DigestCandidates, weeklyDigestLimits } from '../../../src/domain/weekly-digest';
import type { Database } from '../../db/database';
import {
  memberProfiles,
  memberships,
  memberTags,
  promotionRequests,
  promotionSlots,
  sessions,
  tips,
  tipTries,
  users,
} from '../../db/schema';
import { tipsShownToEveryone } from '../moderation/visibility';

/** Enough of next week's sessions that the full ones can be passed over. */
const sessionCandidatesMax = 20;

const nameInCommunity = sql<string>`coalesce(${memberProfiles.nickname}, ${users.nickname})`;

function withProfile(
  communityId: string,
  userId: typeof memberships.userId | typeof promotionRequests.userId,
) {
  return and(eq(memberProfiles.communityId, communityId), eq(memberProfiles.userId, userId));
}

async function newTips(tx: Database, communityId: string, start: Date, end: Date) {
  return tx
    .select({ id: tips.id, title: tips.title, minutes: tips.minutes, tryCount: tips.tryCount })
    .from(tips)
    .where(
      and(
        eq(tips.communityId, communityId),
        eq(tips.status, 'published'),
        tipsShownToEveryone,
        gte(tips.publishedAt, start),
        lt(tips.publishedAt, end),
      ),
    )
    .orderBy(desc(tips.publishedAt), desc(tips.id))
    .limit(weeklyDigestLimits.newTipsMax + weeklyDigestLimits.mostTriedMax);
}

/** Published tips by the tries made during the week. */
async function mostTried(tx: Database, communityId: string, start: Date, end: Date) {
  const tries = sql<number>`count(*)::int`;
  return tx
    .select({ id: tips.id, title: tips.title, minutes: tips.minutes, tryCount: tries })
    .from(tipTries)
    .innerJoin(tips, eq(tips.id, tipTries.tipId))
    .where(
      and(
        eq(tips.communityId, communityId),
        eq(tips.status, 'published'),
        tipsShownToEveryone,
        gte(tipTries.createdAt, start),
        lt(tipTries.createdAt, end),
      ),
    )
    .groupBy(tips.id)
    .orderBy(desc(tries), desc(tips.publishedAt), desc(tips.id))
    .limit(weeklyDigestLimits.mostTriedMax);
}

/** Sessions starting in the week after, not cancelled, with the seats left now. */
async function nextWeekSessions(tx: Database, communityId: string, start: Date, end: Date) {
  const rows = await tx
    .select({
      id: sessions.id,
      title: sessions.title,
      startsAt: sessions.startsAt,
      capacity: sessions.capacity,
      seatsTaken: sessions.seatsTaken,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.communityId, communityId),
        eq(sessions.status, 'scheduled'),
        gte(sessions.startsAt, start),
        lt(sessions.startsAt, end),
      ),
    )
    .orderBy(asc(sessions.startsAt), asc(sessions.id))
    .limit(sessionCandidatesMax);
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    seatsLeft: seatsLeft(row.capacity, row.seatsTaken),
  }));
}

/** Approved promotions of the slots that start in the week. */
async function promotionBoard(tx: Database, communityId: string, start: Date, end: Date) {
  const rows = await tx
    .select({
      id: promotionRequests.id,
      title: promotionRequests.title,
      authorNickname: nameInCommunity,
      slotStartsAt: promotionSlots.startsAt,
    })
    .from(promotionRequests)
    .innerJoin(promotionSlots, eq(promotionSlots.id, promotionRequests.slotId))
    .innerJoin(users, eq(users.id, promotionRequests.userId))
    .leftJoin(memberProfiles, withProfile(communityId, promotionRequests.userId))
    .where(
      and(
        eq(promotionRequests.communityId, communityId),
        eq(promotionRequests.status, 'approved'),
        gte(promotionSlots.startsAt, start),
        lt(promotionSlots.startsAt, end),
      ),
    )
    .orderBy(asc(promotionSlots.startsAt), asc(promotionRequests.id))
    .limit(weeklyDigestLimits.promotionsMax);
  return rows.map((row) => ({ ...row, slotStartsAt: row.slotStartsAt.toISOString() }));
}

/** Who joined during the week and is still here, oldest first, with tags and inviter. */
async function newcomers(tx: Database, communityId: string, start: Date, end: Date) {
  const tags = sql<string[]>`coalesce((
      select array_agg(t.tag order by t.created_at, t.tag) from ${memberTags} t
      where t.community_id = ${memberships.communityId} and t.user_id = ${memberships.userId}
    ), '{}'::text[])`;
  const invitedBy = sql<string | null>`(
      select coalesce(ip.nickname, iu.nickname) from ${users} iu
      left join ${memberProfiles} ip on ip.community_id = ${memberships.communityId} and ip.user_id = iu.id
      where iu.id = ${memberships.invitedBy})`;
  return tx
    .select({ userId: memberships.userId, nickname: nameInCommunity, invitedBy, tags })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(memberProfiles, withProfile(communityId, memberships.userId))
    .where(
      and(
        eq(memberships.communityId, communityId),
        gte(memberships.joinedAt, start),
        lt(memberships.joinedAt, end),
      ),
    )
    .orderBy(asc(memberships.joinedAt), asc(memberships.userId))
    .limit(weeklyDigestLimits.newcomersMax);
}

/** What happened in the community during the week, and next week's sessions: the rules choose from it. */
export async function digestCandidates(
  tx: Database,
  communityId: string,
  weekStart: string,
): Promise<DigestCandidates> {
  const { start, end } = weekBounds(weekStart);
  const next = weekBounds(addWeeks(weekStart, 1));
  return {
    newTips: await newTips(tx, communityId, start, end),
    mostTried: await mostTried(tx, communityId, start, end),
    sessions: await nextWeekSessions(tx, communityId, next.start, next.end),
    promotions: await promotionBoard(tx, communityId, start, end),
    newcomers: await newcomers(tx, communityId, start, end),
  };
}
