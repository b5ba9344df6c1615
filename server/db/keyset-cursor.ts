import { AppError } from '../app-error';

/** Opaque to clients: base64url of the last row's sort key, read back by `decodeCursor`. */
export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * Reads back a cursor we made: `read` returns the position, or null when the key is not one of
 * ours. A forged, truncated or outdated cursor is a 400 INVALID_CURSOR, never a 500.
 */
export function decodeCursor<T>(cursor: string, read: (key: unknown[]) => T | null): T {
  let key: unknown = null;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // falls through to the refusal
  }
  const position = Array.isArray(key) ? read(key) : null;
  if (position === null) throw new AppError('INVALID_CURSOR', 400);
  return position;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuidPattern.test(value);
}

/** An ISO time as `toISOString` writes it. */
export function cursorDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) || date.toISOString() !== value ? null : date;
}
