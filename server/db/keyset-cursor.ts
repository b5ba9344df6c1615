import { AppError } from '../app-error';

/**
 * The one cursor codec of every keyset-paged list. A cursor is opaque to clients: base64url of the
 * JSON array of the last row's sort key. Decoding checks every part against what the list wrote, so a
 * forged, truncated or outdated cursor is a 400 INVALID_CURSOR, never a 500 from the database.
 */

/** One part of a sort key: how it is written into the cursor, and how it is read back (undefined: not ours). */
export interface CursorPart<T> {
  encode(value: T): string | number | null;
  decode(raw: unknown): T | undefined;
}

type PartValues<P extends Record<string, CursorPart<unknown>>> = {
  [K in keyof P]: P[K] extends CursorPart<infer T> ? T : never;
};

/** Our cursors are well under this; the routes' query schemas bound them too. */
const maxCursorLength = 300;
const base64url = /^[A-Za-z0-9_-]+$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Times any of our lists can hold; anything outside would only make PostgreSQL work for nothing. */
const earliestTime = Date.UTC(2000, 0, 1);
const latestTime = Date.UTC(2200, 0, 1);
/** Counts in a sort key (shared tags) are small. */
const maxCount = 1_000_000;

function inTimeRange(milliseconds: number): boolean {
  return milliseconds >= earliestTime && milliseconds < latestTime;
}

export const uuidPart: CursorPart<string> = {
  encode: (id) => id,
  decode: (raw) => (typeof raw === 'string' && uuidPattern.test(raw) ? raw : undefined),
};

/** A JavaScript date, written as `toISOString` writes it and read back only in that exact form. */
export const timePart: CursorPart<Date> = {
  encode: (date) => date.toISOString(),
  decode(raw) {
    if (typeof raw !== 'string') return undefined;
    const date = new Date(raw);
    const time = date.getTime();
    return Number.isFinite(time) && inTimeRange(time) && date.toISOString() === raw ? date : undefined;
  },
};

/**
 * A timestamp as PostgreSQL prints it (microseconds, an offset), passed back into SQL as it was
 * written so that paging never skips a row within a millisecond.
 */
const postgresTimestamp =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?([+-]\d{2}(?::?\d{2})?|Z)?$/;

export const postgresTimePart: CursorPart<string> = {
  encode: (timestamp) => timestamp,
  decode(raw) {
    if (typeof raw !== 'string') return undefined;
    const match = postgresTimestamp.exec(raw);
    if (!match) return undefined;
    const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as number[];
    const utc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
    const calendarDate = new Date(utc);
    const real =
      calendarDate.getUTCMonth() === month! - 1 &&
      calendarDate.getUTCDate() === day &&
      hour! < 24 &&
      minute! < 60 &&
      second! < 60;
    return real && inTimeRange(utc) ? raw : undefined;
  },
};

export const countPart: CursorPart<number> = {
  encode: (count) => count,
  decode: (raw) =>
    typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0 && raw <= maxCount ? raw : undefined,
};

/** A place kept for another order of the same list (the feed's 最新 keeps the shared count of 为你推荐 empty). */
export const emptyPart: CursorPart<null> = {
  encode: () => null,
  decode: (raw) => (raw === null ? null : undefined),
};

export interface KeysetCursor<Position> {
  /** Takes the last row of a page (or any object holding the parts). */
  encode(position: Position): string;
  /** The position the cursor carries; throws 400 INVALID_CURSOR unless every part is one of ours. */
  decode(cursor: string): Position;
}

/** A list's cursor from its named sort-key parts, in sort order. */
export function keysetCursor<const P extends Record<string, CursorPart<unknown>>>(
  parts: P,
): KeysetCursor<PartValues<P>> {
  const named = Object.entries(parts);
  const refuse = () => new AppError('INVALID_CURSOR', 400);
  return {
    encode: (position) =>
      Buffer.from(
        JSON.stringify(named.map(([name, part]) => part.encode(position[name as keyof P]))),
      ).toString('base64url'),
    decode(cursor) {
      if (cursor.length > maxCursorLength || !base64url.test(cursor)) throw refuse();
      let key: unknown;
      try {
        key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        throw refuse();
      }
      if (!Array.isArray(key) || key.length !== named.length) throw refuse();
      const entries = named.map(([name, part], i) => [name, part.decode(key[i])] as const);
      if (entries.some(([, value]) => value === undefined)) throw refuse();
      return Object.fromEntries(entries) as PartValues<P>;
    },
  };
}
