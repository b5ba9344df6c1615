import { cursorDate, decodeCursor, encodeCursor, isUuid } from '../../db/keyset-cursor';

export interface InboxPosition {
  createdAt: Date;
  id: string;
}

export function encodeInboxCursor(position: InboxPosition): string {
  return encodeCursor([position.createdAt.toISOString(), position.id]);
}

export function decodeInboxCursor(cursor: string): InboxPosition {
  return decodeCursor(cursor, ([createdAt, id]) => {
    const date = cursorDate(createdAt);
    return date && isUuid(id) ? { createdAt: date, id } : null;
  });
}
