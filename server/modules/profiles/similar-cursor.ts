import { AppError } from '../../app-error';
import type { SimilarKey } from './tag-repository';

/** Opaque to the client: base64url of the last row's sort key and id. */
export function encodeSimilarCursor(key: SimilarKey): string {
  return Buffer.from(JSON.stringify([key.sharedCount, key.activeAt, key.userId])).toString('base64url');
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const timestampPattern = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;

export function decodeSimilarCursor(cursor: string): SimilarKey {
  try {
    const [sharedCount, activeAt, userId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Number.isInteger(sharedCount) &&
      typeof activeAt === 'string' &&
      timestampPattern.test(activeAt) &&
      typeof userId === 'string' &&
      uuidPattern.test(userId)
    ) {
      return { sharedCount, activeAt, userId };
    }
  } catch {
    // falls through to the refusal
  }
  throw new AppError('VALIDATION_FAILED', 400, { cursor: '不合法' });
}
