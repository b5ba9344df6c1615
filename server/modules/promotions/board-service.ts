import type { PromotionArchivePage, PromotionBoardView } from '../../../src/domain/contract/promotions';
import type { Database } from '../../db/database';
import { keysetCursor, timePart, uuidPart } from '../../db/keyset-cursor';
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
  const viewer = { userId: user.id, role: await requireMembership(db, communityId, user.id, 'member') };
  const now = new Date();
  const rows = await listApprovedFromNow(db, communityId, viewer, now);
  const views = rows.map(toRequestView);
  return {
    current: views.filter((view) => new Date(view.slot.startsAt) <= now),
    upcoming: views.filter((view) => new Date(view.slot.startsAt) > now),
  };
}

/** The archive's sort key: (the slot's start, request id). */
const archiveCursor = keysetCursor({ startsAt: timePart, id: uuidPart });

/** Past approved promotions, newest first. */
export async function getPromotionArchive(
  db: Database,
  user: UserRow,
  communityId: string,
  cursor: string | undefined,
): Promise<PromotionArchivePage> {
  const viewer = { userId: user.id, role: await requireMembership(db, communityId, user.id, 'member') };
  const after = cursor ? archiveCursor.decode(cursor) : null;
  const rows = await listApprovedArchive(db, communityId, viewer, new Date(), after, archivePageSize + 1);
  const page = rows.slice(0, archivePageSize);
  const last = page.at(-1);
  return {
    items: page.map(toRequestView),
    nextCursor:
      rows.length > archivePageSize && last
        ? archiveCursor.encode({ startsAt: last.slot.startsAt, id: last.request.id })
        : null,
  };
}
