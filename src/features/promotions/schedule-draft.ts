import type { PromotionRulesInput, PromotionRulesView } from '@/domain/contract/promotions';
import { overlappingScheduleEntries, promotionLimits, startTimePattern } from '@/domain/promotions';

/** The rules form keeps numbers as typed text until saved. */
export interface ScheduleEntryDraft {
  weekday: number;
  startTime: string;
  durationMinutes: string;
  places: string;
}

export interface RulesDraft {
  minTenureDays: string;
  schedule: ScheduleEntryDraft[];
}

export function rulesDraftFrom(rules: PromotionRulesView): RulesDraft {
  return {
    minTenureDays: String(rules.minTenureDays),
    schedule: rules.schedule.map((entry) => ({
      ...entry,
      durationMinutes: String(entry.durationMinutes),
      places: String(entry.places),
    })),
  };
}

function inRange(text: string, min: number, max: number): boolean {
  const value = Number(text);
  return /^\d+$/.test(text) && value >= min && value <= max;
}

export function rulesInputFrom(draft: RulesDraft): PromotionRulesInput {
  return {
    minTenureDays: Number(draft.minTenureDays),
    schedule: draft.schedule.map((entry) => ({
      weekday: entry.weekday,
      startTime: entry.startTime,
      durationMinutes: Number(entry.durationMinutes),
      places: Number(entry.places),
    })),
  };
}

export function rulesDraftProblem(draft: RulesDraft): string | null {
  if (!inRange(draft.minTenureDays, 0, promotionLimits.minTenureDaysMax)) return '入群天数请填 0-365';
  for (const entry of draft.schedule) {
    if (!new RegExp(startTimePattern).test(entry.startTime)) return '开始时间请填 HH:mm，例如 20:00';
    if (
      !inRange(entry.durationMinutes, promotionLimits.durationMinutesMin, promotionLimits.durationMinutesMax)
    ) {
      return `时长请填 ${promotionLimits.durationMinutesMin}-${promotionLimits.durationMinutesMax} 分钟`;
    }
    if (!inRange(entry.places, promotionLimits.placesMin, promotionLimits.placesMax)) {
      return `名额请填 ${promotionLimits.placesMin}-${promotionLimits.placesMax}`;
    }
  }
  if (overlappingScheduleEntries(rulesInputFrom(draft).schedule)) return '同一天的推广时段不能重叠';
  return null;
}
