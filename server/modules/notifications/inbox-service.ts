import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { InboxMessageView, InboxPage } from '../../../src/domain/contract/notifications';
import { noticeLimits } from '../../../src/domain/notices';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import { keysetCursor, timePart, uuidPart } from '../../db/keyset-cursor';
import { communities, inboxMessages, memberships } from '../../db/schema';
import type { UserRow } from '../auth/user-repository';
import { requireMembership } from '../membership/require-membership';

const inboxCursor = keysetCursor({ createdAt: timePart, id: uuidPart });

/** Messages of communities the member still belongs to (leaving hides that community's messages). */
function visibleTo(userId: string, communityId?: string) {
  return and(
    eq(inboxMessages.userId, userId),
    communityId ? eq(inboxMessages.communityId, communityId) : undefined,
    sql`exists (select 1 from ${memberships} where ${memberships.communityId} = ${inboxMessages.communityId} and ${memberships.userId} = ${userId})`,
  );
}

async function unreadCount(tx: Database, userId: string, communityId?: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(inboxMessages)
    .where(and(visibleTo(userId, communityId), isNull(inboxMessages.readAt)));
  return row?.n ?? 0;
}

export async function listInbox(
  db: Database,
  user: UserRow,
  query: { communityId?: string; cursor?: string },
): Promise<InboxPage> {
  const after = query.cursor ? inboxCursor.decode(query.cursor) : undefined;
  return db.transaction(async (tx) => {
    if (query.communityId) await requireMembership(tx, query.communityId, user.id, 'member');
    const rows = await tx
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
          visibleTo(user.id, query.communityId),
          after
            ? sql`(${inboxMessages.createdAt}, ${inboxMessages.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(inboxMessages.createdAt), desc(inboxMessages.id))
      .limit(noticeLimits.inboxPageSize + 1);
    const page = rows.slice(0, noticeLimits.inboxPageSize);
    const last = page.at(-1);
    return {
      items: page.map(toView),
      nextCursor: rows.length > page.length && last ? inboxCursor.encode(last) : null,
      unreadCount: await unreadCount(tx, user.id, query.communityId),
    };
  });
}

export async function getUnreadCount(db: Database, user: UserRow): Promise<{ unreadCount: number }> {
  return { unreadCount: await unreadCount(db, user.id) };
}

/** Marks one of my messages read (again is fine); someone else's message is "not found". */
export async function markRead(
  db: Database,
  user: UserRow,
  messageId: string,
  now = new Date(),
): Promise<{ unreadCount: number }> {
  return db.transaction(async (tx) => {
    const [message] = await tx
      .select({ id: inboxMessages.id, readAt: inboxMessages.readAt })
      .from(inboxMessages)
      .where(and(eq(inboxMessages.id, messageId), visibleTo(user.id)));
    if (!message) throw new AppError('NOT_FOUND', 404);
    if (!message.readAt) {
      await tx.update(inboxMessages).set({ readAt: now }).where(eq(inboxMessages.id, messageId));
    }
    return { unreadCount: await unreadCount(tx, user.id) };
  });
}

export async function markAllRead(
  db: Database,
  user: UserRow,
  communityId: string | undefined,
  now = new Date(),
): Promise<{ unreadCount: number }> {
  return db.transaction(async (tx) => {
    if (communityId) await requireMembership(tx, communityId, user.id, 'member');
    await tx
      .update(inboxMessages)
      .set({ readAt: now })
      .where(and(visibleTo(user.id, communityId), isNull(inboxMessages.readAt)));
    return { unreadCount: await unreadCount(tx, user.id) };
  });
}

function toView(row: {
  id: string;
  communityId: string;
  communityName: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
  readAt: Date | null;
}): InboxMessageView {
  return {
    id: row.id,
    communityId: row.communityId,
    communityName: row.communityName,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    read: row.readAt !== null,
  };
}
