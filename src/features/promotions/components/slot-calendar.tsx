import { Text, View } from '@tarojs/components';
import type { PromotionSlotView } from '@/domain/contract/promotions';
import { slotLabel } from '../slot-label';

/** Upcoming slots with their places left; a full or closed slot cannot be picked, an open one shows
 * a chevron while I may request it. */
export function SlotCalendar({
  slots,
  requestable,
  onSelect,
}: {
  slots: PromotionSlotView[];
  requestable: boolean;
  onSelect: (slot: PromotionSlotView) => void;
}) {
  if (slots.length === 0) {
    return (
      <View className="card empty">
        <Text className="hint">接下来 4 周还没有推广时段，请联系群主或管理员设置。</Text>
      </View>
    );
  }
  return (
    <View className="card slot-calendar">
      {slots.map((slot) => {
        const unavailable = slot.closed || slot.remaining === 0;
        const classes = ['promotion-slot', unavailable ? 'is-disabled' : requestable ? 'is-requestable' : ''];
        return (
          <View
            key={slot.id}
            className={classes.filter(Boolean).join(' ')}
            onClick={() => !unavailable && onSelect(slot)}
          >
            <Text className="promotion-slot__time">{slotLabel(slot)}</Text>
            <Text className="promotion-slot__remaining">
              {slot.closed
                ? '已关闭'
                : slot.remaining === 0
                  ? '已满'
                  : `剩 ${slot.remaining}/${slot.places} 个名额`}
            </Text>
          </View>
        );
      })}
    </View>
  );
}
