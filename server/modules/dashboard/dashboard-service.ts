import { noShowPercent, waitlistConversionPercent } from '../../../src/domain/attendance';
import { fillPercent, sizeAdvice, tagGrowthWeeks, teamAdvice } from '../../../src/domain/community-health';
import { communityLimits } from '../../../src/domain/community-rules';
import type { DashboardView } from '../../../src/domain/contract/dashboard';
import { recommendedTeam } from '../../../src/domain/roles';
import type { Database } from '../../db/database';
import type { UserRow } from '../auth/user-repository';
import { requireMembership } from '../membership/require-membership';
import { attendanceOutcomesOfSessions } from '../sessions/attendance-record';
import {
  contentChart,
  promotionsChart,
  sessionsChart,
  sizeChart,
  tagsChart,
  teamChart,
} from './dashboard-queries';

/** Owner and admins. Read only: the charts run side by side, outside a transaction. */
export async function getDashboard(
  db: Database,
  user: UserRow,
  communityId: string,
  now = new Date(),
): Promise<DashboardView> {
  await requireMembership(db, communityId, user.id, 'admin');
  const [size, team, content, sessions, promotions, tags] = await Promise.all([
    sizeChart(db, communityId, now),
    teamChart(db, communityId),
    contentChart(db, communityId, now),
    sessionsChart(db, communityId, now),
    promotionsChart(db, communityId, now),
    tagsChart(db, communityId, now),
  ]);
  const outcomes = await attendanceOutcomesOfSessions(
    db,
    communityId,
    sessions.map((session) => session.id),
    now,
  );
  return {
    size: {
      memberCount: size.memberCount,
      capacity: size.capacity,
      band: { ...communityLimits.recommendedBand },
      advice: sizeAdvice(size.memberCount),
      weeks: size.weeks,
    },
    team: { ...team, recommended: { ...recommendedTeam }, note: teamAdvice(team) },
    content,
    sessions: sessions.map(({ waited, waitSeated, ...session }) => ({
      ...session,
      startsAt: new Date(session.startsAt).toISOString(),
      fillPercent: fillPercent(session.seatsTaken, session.capacity),
      noShowPercent: noShowPercent(outcomes.get(session.id) ?? []),
      waitlistConversionPercent: waitlistConversionPercent(waited, waitSeated),
    })),
    promotions,
    tags: { top: tags, growthWeeks: tagGrowthWeeks },
  };
}
