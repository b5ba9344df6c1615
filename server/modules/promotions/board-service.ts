import type { PromotionArchivePage, PromotionBoardView } from '../../../src/domain/contract/promotions';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import type { UserRow } from '../auth/user-repository';
import { requireMembership } from '../membership/require-membership';
import { toRequestView } from './promotion-views';
import { listApprovedArchive, listApprovedFromNow } from './request-repository';

export const archivePageSize = 20;

/** Approved promotions: those of the slot running now, and those of the slots to come. */
export async function getPromotionBoard(
  db: Database,
  user: UserRow,
  communityId: string,
): Promise<PromotionBoardView> {
  await requireMembership(db, communityId, user.id, 'member');
  const now = new Date();
  const rows = await listApprovedFromNow(db, communityId, now);
  const views = rows.map(toRequestView);
  return {
    current: views.filter((view) => new Date(view.slot.startsAt) <= now),
    upcoming: views.filter((view) => new Date(view.slot.startsAt) > now),
  };
}

function encodeCursor(startsAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([startsAt.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): { startsAt: Date; id: string } {
  try {
    const [startsAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(startsAt);
    if (Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) throw new Error('bad cursor');
    return { startsAt: date, id };
  } catch {
    throw new AppError('VALIDATION_FAILED', 400, { cursor: '格式不正确' });
  }
}

/** Past approved promotions, newest first. */
export async function getPromotionArchive(
  db: Database,
  user: UserRow,
  communityId: string,
  cursor: string | undefined,
): Promise<PromotionArchivePage> {
  await requireMembership(db, communityId, user.id, 'member');
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await listApprovedArchive(db, communityId, new Date(), after, archivePageSize + 1);
  const page = rows.slice(0, archivePageSize);
  const last = page.at(-1);
  return {
    items: page.map(toRequestView),
    nextCursor:
      rows.length > archivePageSize && last ? encodeCursor(last.slot.startsAt, last.request.id) : null,
  };
}
