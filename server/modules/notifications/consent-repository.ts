import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SubscribeTemplateKey } from '../../../src/domain/notices';
import type { Database } from '../../db/database';
import { subscribeConsents } from '../../db/schema';

/** One more message allowed for each template (one accepted `requestSubscribeMessage` each). */
export async function addConsents(
  tx: Database,
  userId: string,
  keys: SubscribeTemplateKey[],
  now: Date,
): Promise<void> {
  await tx
    .insert(subscribeConsents)
    .values(keys.map((templateKey) => ({ userId, templateKey, remaining: 1, updatedAt: now })))
    .onConflictDoUpdate({
      target: [subscribeConsents.userId, subscribeConsents.templateKey],
      set: { remaining: sql`${subscribeConsents.remaining} + 1`, updatedAt: now },
    });
}

export function remainingConsents(tx: Database, userId: string, keys: SubscribeTemplateKey[]) {
  return tx
    .select({ templateKey: subscribeConsents.templateKey, remaining: subscribeConsents.remaining })
    .from(subscribeConsents)
    .where(and(eq(subscribeConsents.userId, userId), inArray(subscribeConsents.templateKey, keys)));
}
