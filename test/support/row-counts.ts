import { count } from 'drizzle-orm';
import type { Database } from '../../server/db/database';
import { authSessions, communities, memberships, users } from '../../server/db/schema';

/** Compared before and after a refused request: refused means nothing changed. */
export async function rowCounts(db: Database) {
  const total = async (table: typeof users | typeof communities | typeof memberships | typeof authSessions) =>
    (await db.select({ n: count() }).from(table))[0]!.n;
  return {
    users: await total(users),
    sessions: await total(authSessions),
    communities: await total(communities),
    memberships: await total(memberships),
  };
}
