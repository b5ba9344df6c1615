import { AppError } from '../../app-error';

export interface InboxPosition {
  createdAt: Date;
  id: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeInboxCursor(position: InboxPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString('base64url');
}

/** A cursor is opaque to clients; anything that is not one we made is a 400, never a 500. */
export function decodeInboxCursor(cursor: string): InboxPosition {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const date = new Date(createdAt);
    if (
      typeof createdAt !== 'string' ||
      Number.isNaN(date.getTime()) ||
      typeof id !== 'string' ||
      !uuidPattern.test(id)
    ) {
      throw new Error('bad cursor');
    }
    return { createdAt: date, id };
  } catch {
    throw new AppError('VALIDATION_FAILED', 400, { cursor: '分页参数无效，请刷新后重试' });
  }
}
