import { eq } from 'drizzle-orm';
import type { App } from '../../../server/app';
import type { Database } from '../../../server/db/database';
import { notices, subscribeConsents } from '../../../server/db/schema';
import type { NewNotice } from '../../../server/modules/notifications';
import { createCommunity, devLogin, type SignedInUser, uniqueName } from '../../support/api-session';

/** A log that keeps what it is told, so tests can read it. */
export function collectingLog() {
  const lines = {
    info: [] as Array<{ object: object; message: string }>,
    warn: [] as Array<{ object: object; message: string }>,
  };
  return {
    lines,
    info: (object: object, message: string) => void lines.info.push({ object, message }),
    warn: (object: object, message: string) => void lines.warn.push({ object, message }),
  };
}

/** An owner with a community: notices need both. */
export async function memberWithCommunity(app: App): Promise<{ user: SignedInUser; communityId: string }> {
  const user = await devLogin(app, uniqueName('收件人'));
  const community = await createCommunity(app, user);
  return { user, communityId: community.id };
}

export function reminderNotice(
  userId: string,
  communityId: string,
  overrides: Partial<NewNotice> = {},
): NewNotice {
  const id = uniqueName('s');
  return {
    userId,
    communityId,
    kind: 'session_reminder',
    title: '活动提醒：周六晨跑',
    body: '周六晨跑明天 07:00 开始，别忘了。',
    link: `/member/session/index?id=${id}`,
    template: { key: 'sessionReminder', data: { thing1: '周六晨跑', time2: '2026-11-28 07:00' } },
    ...overrides,
  };
}

export async function giveConsents(db: Database, userId: string, templateKey: string, remaining: number) {
  await db
    .insert(subscribeConsents)
    .values({ userId, templateKey, remaining })
    .onConflictDoUpdate({
      target: [subscribeConsents.userId, subscribeConsents.templateKey],
      set: { remaining },
    });
}

export async function consentsLeft(db: Database, userId: string, templateKey: string): Promise<number> {
  const rows = await db.select().from(subscribeConsents).where(eq(subscribeConsents.userId, userId));
  return rows.find((row) => row.templateKey === templateKey)?.remaining ?? 0;
}

export async function noticeById(db: Database, id: string) {
  const [row] = await db.select().from(notices).where(eq(notices.id, id));
  if (!row) throw new Error(`no notice ${id}`);
  return row;
}
