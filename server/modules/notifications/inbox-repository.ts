import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { communities, inboxMessages, memberships } from '../../db/schema';

export interface InboxRow {
  id: string;
  communityId: string;
  communityName: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
  readAt: Date | null;
}

/** Where the previous page ended: the last message's sort key. */
export interface InboxPosition {
  createdAt: Date;
  id: string;
}

/** Messages of communities the member still belongs to (leaving hides that community's messages). */
function visibleTo(userId: string, communityId?: string) {
  return and(
    eq(inboxMessages.userId, userId),
    communityId ? eq(inboxMessages.communityId, communityId) : undefined,
    sql`exists (select 1 from ${memberships} where ${memberships.communityId} = ${inboxMessages.communityId} and ${memberships.userId} = ${userId})`,
  );
}

export async function countUnread(tx: Database, userId: string, communityId?: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(inboxMessages)
    .where(and(visibleTo(userId, communityId), isNull(inboxMessages.readAt)));
  return row?.n ?? 0;
}

/** Newest first, after `after` when given. */
export function listMessages(
  tx: Database,
  userId: string,
  page: { communityId?: string; after?: InboxPosition; limit: number },
): Promise<InboxRow[]> {
  const { communityId, after, limit } = page;
  return tx
    .select({
      id: inboxMessages.id,
      communityId: inboxMessages.communityId,
      communityName: communities.name,
      kind: inboxMessages.kind,
      title: inboxMessages.title,
      body: inboxMessages.body,
      link: inboxMessages.link,
      createdAt: inboxMessages.createdAt,
      readAt: inboxMessages.readAt,
    })
    .from(inboxMessages)
    .innerJoin(communities, eq(communities.id, inboxMessages.communityId))
    .where(
      and(
        visibleTo(userId, communityId),
        after
          ? sql`(${inboxMessages.createdAt}, ${inboxMessages.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(inboxMessages.createdAt), desc(inboxMessages.id))
    .limit(limit);
}

export async function findVisibleMessage(tx: Database, userId: string, messageId: string) {
  const [message] = await tx
    .select({ id: inboxMessages.id, readAt: inboxMessages.readAt })
    .from(inboxMessages)
    .where(and(eq(inboxMessages.id, messageId), visibleTo(userId)));
  return message;
}

export async function markMessageRead(tx: Database, messageId: string, now: Date): Promise<void> {
  await tx.update(inboxMessages).set({ readAt: now }).where(eq(inboxMessages.id, messageId));
}

export async function markAllMessagesRead(
  tx: Database,
  userId: string,
  communityId: string | undefined,
  now: Date,
): Promise<void> {
  await tx
    .update(inboxMessages)
    .set({ readAt: now })
    .where(and(visibleTo(userId, communityId), isNull(inboxMessages.readAt)));
}
