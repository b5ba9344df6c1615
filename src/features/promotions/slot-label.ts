import type { PromotionSlotView } from '@/domain/contract/promotions';
import { appTimeZone, dayjs } from '@/lib/dayjs';

/** "11月27日 周五 20:00-20:30", in China time. */
export function slotLabel(slot: Pick<PromotionSlotView, 'startsAt' | 'endsAt'>): string {
  const start = dayjs(slot.startsAt).tz(appTimeZone);
  const end = dayjs(slot.endsAt).tz(appTimeZone);
  return `${start.format('M月D日 ddd HH:mm')}-${end.format('HH:mm')}`;
}
