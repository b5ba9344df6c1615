import type { PromotionRulesInput, PromotionRulesView } from '../../../src/domain/contract/promotions';
import {
  overlappingScheduleEntries,
  promotionDefaults,
  promotionLimits,
  slotTimesFromSchedule,
} from '../../../src/domain/promotions';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import type { UserRow } from '../auth/user-repository';
import { lockCommunity } from '../communities/community-repository';
import { requireMembership } from '../membership/require-membership';
import { findPromotionRules, replacePromotionRules, type StoredPromotionRules } from './rules-repository';
import { deleteUnusedScheduledSlots, materialiseSlots } from './slot-repository';

function toRulesView(rules: StoredPromotionRules): PromotionRulesView {
  return {
    minTenureDays: rules.minTenureDays,
    windowDays: promotionDefaults.windowDays,
    approvedPerWindow: promotionDefaults.approvedPerWindow,
    earnedExtraPerWindow: promotionDefaults.earnedExtraPerWindow,
    pendingMax: promotionDefaults.pendingMax,
    weeksOpen: promotionLimits.weeksOpen,
    schedule: rules.schedule,
  };
}

export async function getPromotionRules(
  db: Database,
  user: UserRow,
  communityId: string,
): Promise<PromotionRulesView> {
  await requireMembership(db, communityId, user.id, 'member');
  return toRulesView(await findPromotionRules(db, communityId));
}

/** Owner or admin. Future slots of the old schedule that nobody asked for are replaced by the new ones. */
export async function updatePromotionRules(
  db: Database,
  user: UserRow,
  communityId: string,
  input: PromotionRulesInput,
): Promise<PromotionRulesView> {
  if (overlappingScheduleEntries(input.schedule)) throw new AppError('SCHEDULE_OVERLAP', 400);
  return db.transaction(async (tx) => {
    await requireMembership(tx, communityId, user.id, 'admin');
    // Two reviewers saving at once: one after the other, so the schedule is one of theirs, never a mix.
    await lockCommunity(tx, communityId);
    await replacePromotionRules(tx, communityId, user.id, input);
    const now = new Date();
    await deleteUnusedScheduledSlots(tx, communityId, now);
    await materialiseSlots(tx, communityId, slotTimesFromSchedule(input.schedule, now));
    return toRulesView(await findPromotionRules(tx, communityId));
  });
}
