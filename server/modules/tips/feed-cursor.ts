import { AppError } from '../../app-error';

/** Where a page ended: the last row's sort key. `sharedCount` is present only for 为你推荐. */
export interface FeedPosition {
  sharedCount?: number;
  publishedAt: Date;
  id: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeFeedCursor(position: FeedPosition): string {
  const key = [position.publishedAt.toISOString(), position.id, position.sharedCount ?? null];
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** A cursor is opaque to clients; anything that is not one we made is a 400, never a 500. */
export function decodeFeedCursor(cursor: string, withSharedCount: boolean): FeedPosition {
  try {
    const [publishedAt, id, sharedCount] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const date = new Date(publishedAt);
    const validShared = withSharedCount
      ? Number.isInteger(sharedCount) && sharedCount >= 0
      : sharedCount === null;
    if (
      typeof publishedAt !== 'string' ||
      Number.isNaN(date.getTime()) ||
      !uuidPattern.test(id) ||
      !validShared
    )
      throw new Error('bad cursor');
    return withSharedCount ? { publishedAt: date, id, sharedCount } : { publishedAt: date, id };
  } catch {
    throw new AppError('INVALID_CURSOR', 400);
  }
}
