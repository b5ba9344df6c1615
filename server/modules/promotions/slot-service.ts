import type { ExtraSlotInput, PromotionSlotView } from '../../../src/domain/contract/promotions';
import { promotionLimits, slotTimesFromSchedule } from '../../../src/domain/promotions';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import type { UserRow } from '../auth/user-repository';
import { requireMembership } from '../membership/require-membership';
import { toSlotView } from './promotion-views';
import { recordDecision } from './record-decision';
import { listPendingInSlot } from './request-repository';
import { findPromotionRules } from './rules-repository';
import {
  closeSlotRow,
  findSlot,
  insertExtraSlot,
  listSlots,
  lockSlot,
  materialiseSlots,
} from './slot-repository';

const week = 7 * 24 * 60 * 60_000;

export function openUntil(now: Date): Date {
  return new Date(now.getTime() + promotionLimits.weeksOpen * week);
}

/** The slots of the next weeks with their remaining places; the schedule's rows are created on first sight. */
export async function listOpenSlots(
  db: Database,
  user: UserRow,
  communityId: string,
): Promise<PromotionSlotView[]> {
  await requireMembership(db, communityId, user.id, 'member');
  const now = new Date();
  return db.transaction(async (tx) => {
    const rules = await findPromotionRules(tx, communityId);
    await materialiseSlots(tx, communityId, slotTimesFromSchedule(rules.schedule, now));
    return (await listSlots(tx, communityId, now, openUntil(now))).map(toSlotView);
  });
}

export async function addExtraSlot(
  db: Database,
  user: UserRow,
  communityId: string,
  input: ExtraSlotInput,
): Promise<PromotionSlotView> {
  await requireMembership(db, communityId, user.id, 'admin');
  const now = new Date();
  const startsAt = new Date(input.startsAt);
  if (startsAt <= now || startsAt > openUntil(now)) throw new AppError('SLOT_NOT_OPEN', 409);
  const slot = await db.transaction((tx) =>
    insertExtraSlot(tx, {
      communityId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + input.durationMinutes * 60_000),
      places: input.places,
    }),
  );
  if (!slot) throw new AppError('SLOT_EXISTS', 409);
  return toSlotView(slot);
}

const closedSlotReason = '该推广时段已关闭，请改约其他时段';

/** Owner or admin. Pending requests of the slot are declined (and told so); approved ones stay on the board. */
export async function closeSlot(db: Database, user: UserRow, slotId: string): Promise<PromotionSlotView> {
  const found = await findSlot(db, slotId);
  if (!found) throw new AppError('NOT_FOUND', 404);
  await requireMembership(db, found.communityId, user.id, 'admin');
  return db.transaction(async (tx) => {
    const slot = await lockSlot(tx, slotId);
    if (!slot) throw new AppError('NOT_FOUND', 404);
    if (slot.closedAt) return toSlotView(slot);
    const now = new Date();
    await closeSlotRow(tx, slotId, user.id, now);
    for (const request of await listPendingInSlot(tx, slotId)) {
      await recordDecision(tx, request, { kind: 'rejected', reason: closedSlotReason, by: user.id, at: now });
    }
    return toSlotView({ ...slot, closedAt: now, closedBy: user.id });
  });
}
