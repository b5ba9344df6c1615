import { and, eq, like, sql } from 'drizzle-orm';
import type { NoticeKind, SubscribeTemplateKey } from '../../../src/domain/notices';
import type { Database } from '../../db/database';
import { notices } from '../../db/schema';

/** A notice to one member, as a feature enqueues it. */
export interface NewNotice {
  userId: string;
  communityId: string;
  kind: NoticeKind;
  /** Short Chinese title, e.g. `活动提醒：周六晨跑`. */
  title: string;
  /** Chinese body shown in the inbox. */
  body: string;
  /** Mini program page path with query, e.g. `/member/session/index?id=<uuid>`. */
  link: string;
  /** When to send; default: at once. Reminders are notices due in the future. */
  dueAt?: Date;
  /** Also send as this WeChat subscribe message when the member has a consent left for it. */
  template?: { key: SubscribeTemplateKey; data: Record<string, string> };
  /**
   * Same key, same notice: enqueuing it again while one is pending or sent does nothing.
   * Use a prefix per subject, e.g. `session:<id>:reminder:<dueAt ISO>:user:<userId>`.
   */
  dedupeKey?: string;
}

function toRow(notice: NewNotice) {
  const dueAt = notice.dueAt ?? new Date();
  return {
    userId: notice.userId,
    communityId: notice.communityId,
    kind: notice.kind,
    title: notice.title,
    body: notice.body,
    link: notice.link,
    templateKey: notice.template?.key ?? null,
    templateData: notice.template?.data ?? null,
    dedupeKey: notice.dedupeKey ?? null,
    dueAt,
    nextAttemptAt: dueAt,
  };
}

/**
 * Writes notices in the caller's transaction, so they exist exactly when the change that causes
 * them commits. Returns the ids of the notices written (a duplicate `dedupeKey` is skipped).
 */
export async function enqueueNotices(tx: Database, batch: NewNotice[]): Promise<string[]> {
  if (batch.length === 0) return [];
  const rows = await tx
    .insert(notices)
    .values(batch.map(toRow))
    .onConflictDoNothing()
    .returning({ id: notices.id });
  return rows.map((row) => row.id);
}

/** Writes one notice in the caller's transaction; its id, or null when its `dedupeKey` exists. */
export async function enqueueNotice(tx: Database, notice: NewNotice): Promise<string | null> {
  const [id] = await enqueueNotices(tx, [notice]);
  return id ?? null;
}

/**
 * Cancels the notices not yet sent, either those whose `dedupeKey` starts with the prefix (a session
 * moved or cancelled: its reminders must not go out) or every one of a member in a community (their
 * membership ended). Returns how many were cancelled.
 */
export async function cancelPendingNotices(
  tx: Database,
  filter: { dedupeKeyPrefix: string } | { userId: string; communityId: string },
): Promise<number> {
  const which =
    'dedupeKeyPrefix' in filter
      ? like(notices.dedupeKey, sql`${`${escapedPrefix(filter.dedupeKeyPrefix)}%`}`)
      : and(eq(notices.userId, filter.userId), eq(notices.communityId, filter.communityId));
  const rows = await tx
    .update(notices)
    .set({ status: 'cancelled', lastError: null })
    .where(and(eq(notices.status, 'pending'), which))
    .returning({ id: notices.id });
  return rows.length;
}

function escapedPrefix(prefix: string): string {
  if (prefix.length === 0) throw new Error('cancelPendingNotices needs a prefix');
  return prefix.replace(/[\\%_]/g, (char) => `\\${char}`);
}
