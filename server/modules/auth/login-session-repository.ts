import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { preparedPerDatabase } from '../../db/prepared-statement';
import { authSessions, communities, memberships, users } from '../../db/schema';

export async function insertLoginSession(
  tx: Database,
  session: { userId: string; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await tx.insert(authSessions).values(session);
}

// Every signed-in request runs one of these two: prepared, so neither is rebuilt nor re-planned each time.
const sessionWithUser = preparedPerDatabase('session_with_user', (db, statementName) =>
  db
    .select({ expiresAt: authSessions.expiresAt, user: users })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(eq(authSessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare(statementName),
);

const sessionWithStanding = preparedPerDatabase('session_with_standing', (db, statementName) =>
  db
    .select({
      expiresAt: authSessions.expiresAt,
      user: users,
      communityExists: sql<boolean>`${communities.id} is not null`,
      role: memberships.role,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .leftJoin(communities, eq(communities.id, sql.placeholder('communityId')))
    .leftJoin(
      memberships,
      and(eq(memberships.communityId, communities.id), eq(memberships.userId, authSessions.userId)),
    )
    .where(eq(authSessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare(statementName),
);

export async function findLoginSessionWithUser(db: Database, tokenHash: string) {
  const [row] = await sessionWithUser(db).execute({ tokenHash });
  return row;
}

/** The session and its user, with the user's standing in one community: one round trip for a community route. */
export async function findLoginSessionWithStanding(db: Database, tokenHash: string, communityId: string) {
  const [row] = await sessionWithStanding(db).execute({ tokenHash, communityId });
  return row;
}

export async function deleteLoginSession(tx: Database, tokenHash: string): Promise<void> {
  await tx.delete(authSessions).where(eq(authSessions.tokenHash, tokenHash));
}
