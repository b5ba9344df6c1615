import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { authSessions, users } from '../../db/schema';

export async function insertSession(
  tx: Database,
  session: { userId: string; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await tx.insert(authSessions).values(session);
}

export async function findSessionWithUser(tx: Database, tokenHash: string) {
  const [row] = await tx
    .select({ expiresAt: authSessions.expiresAt, user: users })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(eq(authSessions.tokenHash, tokenHash));
  return row;
}

export async function deleteSession(tx: Database, tokenHash: string): Promise<void> {
  await tx.delete(authSessions).where(eq(authSessions.tokenHash, tokenHash));
}
