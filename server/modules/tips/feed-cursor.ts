import { cursorDate, decodeCursor, encodeCursor, isUuid } from '../../db/keyset-cursor';
import type { MarkedPosition } from './reaction-repository';

/** Where a page ended: the last row's sort key. `sharedCount` is present only for 为你推荐. */
export interface FeedPosition {
  sharedCount?: number;
  publishedAt: Date;
  id: string;
}

export function encodeFeedCursor(position: FeedPosition): string {
  return encodeCursor([position.publishedAt.toISOString(), position.id, position.sharedCount ?? null]);
}

export function decodeFeedCursor(cursor: string, withSharedCount: boolean): FeedPosition {
  return decodeCursor(cursor, ([publishedAt, id, sharedCount]) => {
    const date = cursorDate(publishedAt);
    if (!date || !isUuid(id)) return null;
    if (!withSharedCount) return sharedCount === null ? { publishedAt: date, id } : null;
    return Number.isInteger(sharedCount) && (sharedCount as number) >= 0
      ? { publishedAt: date, id, sharedCount: sharedCount as number }
      : null;
  });
}

export function encodeMarkedCursor(position: MarkedPosition): string {
  return encodeCursor([position.markedAt.toISOString(), position.tipId]);
}

export function decodeMarkedCursor(cursor: string): MarkedPosition {
  return decodeCursor(cursor, ([markedAt, tipId]) => {
    const date = cursorDate(markedAt);
    return date && isUuid(tipId) ? { markedAt: date, tipId } : null;
  });
}

/** Where a search page ended: title match (1/0), score, then the feed's order. */
export interface SearchPosition {
  inTitle: number;
  score: number;
  publishedAt: Date;
  id: string;
}

export function encodeSearchCursor(position: SearchPosition): string {
  return encodeCursor([position.inTitle, position.score, position.publishedAt.toISOString(), position.id]);
}

export function decodeSearchCursor(cursor: string): SearchPosition {
  return decodeCursor(cursor, ([inTitle, score, publishedAt, id]) => {
    const date = cursorDate(publishedAt);
    const validInTitle = inTitle === 0 || inTitle === 1;
    const validScore = Number.isInteger(score) && (score as number) >= 0;
    return date && isUuid(id) && validInTitle && validScore
      ? { inTitle: inTitle as number, score: score as number, publishedAt: date, id }
      : null;
  });
}
