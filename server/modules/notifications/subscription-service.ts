import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SubscribeTemplateKey } from '../../../src/domain/notices';
import type { Database } from '../../db/database';
import { subscribeConsents } from '../../db/schema';
import type { UserRow } from '../auth/user-repository';

/** Each accepted `requestSubscribeMessage` allows WeChat to deliver exactly one message: count them. */
export async function recordSubscriptions(
  db: Database,
  user: UserRow,
  accepted: SubscribeTemplateKey[],
  now = new Date(),
): Promise<{ consents: Partial<Record<SubscribeTemplateKey, number>> }> {
  const keys = [...new Set(accepted)];
  if (keys.length === 0) return { consents: {} };
  return db.transaction(async (tx) => {
    await tx
      .insert(subscribeConsents)
      .values(keys.map((templateKey) => ({ userId: user.id, templateKey, remaining: 1, updatedAt: now })))
      .onConflictDoUpdate({
        target: [subscribeConsents.userId, subscribeConsents.templateKey],
        set: { remaining: sql`${subscribeConsents.remaining} + 1`, updatedAt: now },
      });
    const rows = await tx
      .select({ templateKey: subscribeConsents.templateKey, remaining: subscribeConsents.remaining })
      .from(subscribeConsents)
      .where(and(eq(subscribeConsents.userId, user.id), inArray(subscribeConsents.templateKey, keys)));
    return { consents: Object.fromEntries(rows.map((row) => [row.templateKey, row.remaining])) };
  });
}
