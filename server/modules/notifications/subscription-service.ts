import type { SubscribeTemplateKey } from '../../../src/domain/notices';
import type { Database } from '../../db/database';
import type { UserRow } from '../auth/user-repository';
import { addConsents, remainingConsents } from './consent-repository';

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
    await addConsents(tx, user.id, keys, now);
    const rows = await remainingConsents(tx, user.id, keys);
    return { consents: Object.fromEntries(rows.map((row) => [row.templateKey, row.remaining])) };
  });
}
