import type { PromotionSlotView } from '@/domain/contract/promotions';
import { formatChinaTime } from '@/lib/china-time';

/** "11月27日 周五 20:00-20:30", in China time. */
export function slotLabel(slot: Pick<PromotionSlotView, 'startsAt' | 'endsAt'>): string {
  return `${formatChinaTime(slot.startsAt, 'M月D日 ddd HH:mm')}-${formatChinaTime(slot.endsAt, 'HH:mm')}`;
}
