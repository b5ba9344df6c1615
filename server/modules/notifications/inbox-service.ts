import type { InboxMessageView, InboxPage } from '../../../src/domain/contract/notifications';
import { noticeLimits } from '../../../src/domain/notices';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import { keysetCursor, timePart, uuidPart } from '../../db/keyset-cursor';
import type { UserRow } from '../auth/user-repository';
import { requireMembership } from '../membership/require-membership';
import {
  countUnread,
  findVisibleMessage,
  type InboxRow,
  listMessages,
  markAllMessagesRead,
  markMessageRead,
} from './inbox-repository';

const inboxCursor = keysetCursor({ createdAt: timePart, id: uuidPart });

export async function listInbox(
  db: Database,
  user: UserRow,
  query: { communityId?: string; cursor?: string },
): Promise<InboxPage> {
  const after = query.cursor ? inboxCursor.decode(query.cursor) : undefined;
  return db.transaction(async (tx) => {
    if (query.communityId) await requireMembership(tx, query.communityId, user.id, 'member');
    const limit = noticeLimits.inboxPageSize;
    const rows = await listMessages(tx, user.id, { communityId: query.communityId, after, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toView),
      nextCursor: rows.length > page.length && last ? inboxCursor.encode(last) : null,
      unreadCount: await countUnread(tx, user.id, query.communityId),
    };
  });
}

export async function getUnreadCount(db: Database, user: UserRow): Promise<{ unreadCount: number }> {
  return { unreadCount: await countUnread(db, user.id) };
}

/** Marks one of my messages read (again is fine); someone else's message is "not found". */
export async function markRead(
  db: Database,
  user: UserRow,
  messageId: string,
  now = new Date(),
): Promise<{ unreadCount: number }> {
  return db.transaction(async (tx) => {
    const message = await findVisibleMessage(tx, user.id, messageId);
    if (!message) throw new AppError('NOT_FOUND', 404);
    if (!message.readAt) await markMessageRead(tx, messageId, now);
    return { unreadCount: await countUnread(tx, user.id) };
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
    await markAllMessagesRead(tx, user.id, communityId, now);
    return { unreadCount: await countUnread(tx, user.id) };
  });
}

function toView(row: InboxRow): InboxMessageView {
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
