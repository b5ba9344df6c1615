import { eq } from 'drizzle-orm';
import { notices } from '../../../server/db/schema';
import { cancelPendingNotices, enqueueNotice, enqueueNotices } from '../../../server/modules/notifications';
import { createTestApp, type TestApp } from '../../support/test-app';
import { memberWithCommunity, reminderNotice } from './notice-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const noticesOf = (userId: string) => t.db.select().from(notices).where(eq(notices.userId, userId));

describe('outbox', () => {
  it('writes a pending notice due now by default, or at its dueAt', async () => {
    const { user, communityId } = await memberWithCommunity(t.app);
    const dueAt = new Date(Date.now() + 86_400_000);
    const before = Date.now();
    const [now, later] = await t.db.transaction((tx) =>
      enqueueNotices(tx, [
        reminderNotice(user.user.id, communityId),
        reminderNotice(user.user.id, communityId, { dueAt }),
      ]),
    );
    const rows = await noticesOf(user.user.id);
    const first = rows.find((row) => row.id === now)!;
    const second = rows.find((row) => row.id === later)!;
    expect(first).toMatchObject({
      status: 'pending',
      attempts: 0,
      kind: 'session_reminder',
      templateKey: 'sessionReminder',
    });
    expect(first.dueAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(second.dueAt.toISOString()).toBe(dueAt.toISOString());
    expect(second.nextAttemptAt.toISOString()).toBe(dueAt.toISOString());
  });

  it('is written with the caller’s transaction: a rolled back change leaves no notice', async () => {
    const { user, communityId } = await memberWithCommunity(t.app);
    await expect(
      t.db.transaction(async (tx) => {
        await enqueueNotice(tx, reminderNotice(user.user.id, communityId));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await noticesOf(user.user.id)).toHaveLength(0);
  });

  it('never enqueues the same dedupeKey twice, even in one batch', async () => {
    const { user, communityId } = await memberWithCommunity(t.app);
    const dedupeKey = `session:${communityId}:reminder:1d:user:${user.user.id}`;
    const first = await t.db.transaction((tx) =>
      enqueueNotice(tx, reminderNotice(user.user.id, communityId, { dedupeKey })),
    );
    const again = await t.db.transaction((tx) =>
      enqueueNotice(tx, reminderNotice(user.user.id, communityId, { dedupeKey })),
    );
    const batch = await t.db.transaction((tx) =>
      enqueueNotices(tx, [
        reminderNotice(user.user.id, communityId, { dedupeKey: `${dedupeKey}:b` }),
        reminderNotice(user.user.id, communityId, { dedupeKey: `${dedupeKey}:b` }),
      ]),
    );
    expect(first).not.toBeNull();
    expect(again).toBeNull();
    expect(batch).toHaveLength(1);
    expect(await noticesOf(user.user.id)).toHaveLength(2);
  });

  it('cancels the pending notices of a prefix only, and the key can then be used again', async () => {
    const { user, communityId } = await memberWithCommunity(t.app);
    const prefix = `session:${user.user.id}:reminder:`;
    await t.db.transaction((tx) =>
      enqueueNotices(tx, [
        reminderNotice(user.user.id, communityId, { dedupeKey: `${prefix}1d` }),
        reminderNotice(user.user.id, communityId, { dedupeKey: `${prefix}1h` }),
        reminderNotice(user.user.id, communityId, { dedupeKey: `session:${user.user.id}:changed` }),
        // `_` and `%` in a prefix are literal characters, not LIKE wildcards.
        reminderNotice(user.user.id, communityId, { dedupeKey: `session_${user.user.id}:reminder:1d` }),
      ]),
    );
    await t.db
      .update(notices)
      .set({ status: 'sent' })
      .where(eq(notices.dedupeKey, `${prefix}1h`));

    const cancelled = await t.db.transaction((tx) => cancelPendingNotices(tx, { dedupeKeyPrefix: prefix }));

    expect(cancelled).toBe(1);
    const byKey = Object.fromEntries(
      (await noticesOf(user.user.id)).map((row) => [row.dedupeKey, row.status]),
    );
    expect(byKey).toEqual({
      [`${prefix}1d`]: 'cancelled',
      [`${prefix}1h`]: 'sent',
      [`session:${user.user.id}:changed`]: 'pending',
      [`session_${user.user.id}:reminder:1d`]: 'pending',
    });
    const rescheduled = await t.db.transaction((tx) =>
      enqueueNotice(tx, reminderNotice(user.user.id, communityId, { dedupeKey: `${prefix}1d` })),
    );
    expect(rescheduled).not.toBeNull();
  });
});
