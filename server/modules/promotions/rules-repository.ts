import { asc, eq } from 'drizzle-orm';
import type { PromotionScheduleView } from '../../../src/domain/contract/promotions';
import { promotionDefaults } from '../../../src/domain/promotions';
import type { Database } from '../../db/database';
import { promotionRules, promotionSchedules } from '../../db/schema';

export interface StoredPromotionRules {
  minTenureDays: number;
  schedule: PromotionScheduleView[];
  /** False until the owner or an admin saves rules: the defaults apply. */
  saved: boolean;
}

export async function findPromotionRules(tx: Database, communityId: string): Promise<StoredPromotionRules> {
  const [rules] = await tx.select().from(promotionRules).where(eq(promotionRules.communityId, communityId));
  if (!rules) {
    return {
      minTenureDays: promotionDefaults.minTenureDays,
      schedule: promotionDefaults.schedule.map((entry) => ({ ...entry })),
      saved: false,
    };
  }
  const schedule = await tx
    .select({
      weekday: promotionSchedules.weekday,
      startTime: promotionSchedules.startTime,
      durationMinutes: promotionSchedules.durationMinutes,
      places: promotionSchedules.places,
    })
    .from(promotionSchedules)
    .where(eq(promotionSchedules.communityId, communityId))
    .orderBy(asc(promotionSchedules.weekday), asc(promotionSchedules.startTime));
  return { minTenureDays: rules.minTenureDays, schedule, saved: true };
}

export async function replacePromotionRules(
  tx: Database,
  communityId: string,
  userId: string,
  rules: { minTenureDays: number; schedule: PromotionScheduleView[] },
): Promise<void> {
  await tx
    .insert(promotionRules)
    .values({ communityId, minTenureDays: rules.minTenureDays, updatedBy: userId })
    .onConflictDoUpdate({
      target: promotionRules.communityId,
      set: { minTenureDays: rules.minTenureDays, updatedBy: userId, updatedAt: new Date() },
    });
  await tx.delete(promotionSchedules).where(eq(promotionSchedules.communityId, communityId));
  if (rules.schedule.length > 0) {
    await tx.insert(promotionSchedules).values(rules.schedule.map((entry) => ({ communityId, ...entry })));
  }
}
