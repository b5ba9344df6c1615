import type { EarnedExtraReason } from '../../../src/domain/promotions';
import { type Eligibility, promotionDefaults, promotionEligibility } from '../../../src/domain/promotions';
import type { Database } from '../../db/database';
import { findMember } from '../membership/membership-repository';
import { findEarnedExtra } from './earned-extra';
import { memberPromotionHistory } from './request-repository';
import { findPromotionRules } from './rules-repository';

export interface MemberEligibility extends Eligibility {
  earnedExtra: EarnedExtraReason | null;
  joinedAt: Date;
}

/** The one rule of src/domain, fed from the database; null when the user is not a member. */
export async function memberEligibility(
  tx: Database,
  communityId: string,
  userId: string,
  now: Date,
): Promise<MemberEligibility | null> {
  const member = await findMember(tx, communityId, userId);
  if (!member) return null;
  const rules = await findPromotionRules(tx, communityId);
  const history = await memberPromotionHistory(tx, communityId, userId);
  const since = new Date(now.getTime() - promotionDefaults.windowDays * 24 * 60 * 60_000);
  const earnedExtra = await findEarnedExtra(tx, communityId, userId, since, now);
  const eligibility = promotionEligibility({
    now,
    joinedAt: member.joinedAt,
    minTenureDays: rules.minTenureDays,
    approvedSlotStarts: history.approvedSlotStarts,
    pendingCount: history.pendingCount,
    earnedExtra,
  });
  return { ...eligibility, earnedExtra, joinedAt: member.joinedAt };
}
