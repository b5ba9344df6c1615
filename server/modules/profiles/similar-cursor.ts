import { decodeCursor, encodeCursor, isUuid } from '../../db/keyset-cursor';
import type { SimilarKey } from './tag-repository';

export function encodeSimilarCursor(key: SimilarKey): string {
  return encodeCursor([key.sharedCount, key.activeAt, key.userId]);
}

/** `activeAt` goes back into SQL as PostgreSQL wrote it, so only that timestamp shape is accepted. */
const timestampPattern = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;

export function decodeSimilarCursor(cursor: string): SimilarKey {
  return decodeCursor(cursor, ([sharedCount, activeAt, userId]) =>
    Number.isInteger(sharedCount) &&
    typeof activeAt === 'string' &&
    timestampPattern.test(activeAt) &&
    isUuid(userId)
      ? { sharedCount: sharedCount as number, activeAt, userId }
      : null,
  );
}
