import { Text, View } from '@tarojs/components';
import '../promotions.scss';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { DateTimePicker } from '@/components/date-time-picker';
import type { PromotionSlotView } from '@/domain/contract/promotions';
import { appTimeZone, dayjs } from '@/lib/dayjs';
import { useSubmit } from '@/lib/use-submit';
import { addExtraSlot } from '../api/add-extra-slot';
import { closePromotionSlot } from '../api/close-promotion-slot';
import { slotLabel } from '../slot-label';

/** Upcoming slots for the team: close one, or add a single extra slot (date and time in China time). */
export function SlotAdminList({
  communityId,
  slots,
  onChanged,
}: {
  communityId: string;
  slots: PromotionSlotView[];
  onChanged: () => void;
}) {
  const [date, setDate] = useState(() => dayjs().tz(appTimeZone).add(1, 'day').format('YYYY-MM-DD'));
  const [time, setTime] = useState('20:00');
  const { busy, run } = useSubmit();
  const startsAt = dayjs.tz(`${date} ${time}`, appTimeZone);
  const validWhen = startsAt.isValid() && startsAt.isAfter(dayjs());

  function change(action: () => Promise<unknown>, done: string) {
    return run(async () => {
      await action();
      Taro.showToast({ title: done, icon: 'success' });
      onChanged();
    });
  }

  async function close(slot: PromotionSlotView) {
    const { confirm } = await Taro.showModal({
      title: '关闭时段',
      content: `关闭 ${slotLabel(slot)}？这个时段待审核的申请会被告知未通过。`,
    });
    if (confirm) await change(() => closePromotionSlot(slot.id), '已关闭');
  }

  return (
    <View className="card slot-admin-list">
      {slots.map((slot) => (
        <View key={slot.id} className="promotion-slot">
          <Text className="promotion-slot__time">{slotLabel(slot)}</Text>
          <Text className="promotion-slot__remaining">
            {slot.closed ? '已关闭' : `剩 ${slot.remaining}/${slot.places}`}
          </Text>
          {!slot.closed && (
            <ActionButton variant="mini" onClick={() => close(slot)}>
              关闭
            </ActionButton>
          )}
        </View>
      ))}
      <DateTimePicker
        label="加一个时段（北京时间）"
        date={date}
        time={time}
        onDateChange={setDate}
        onTimeChange={setTime}
        earliest={new Date()}
        className="field--extra-slot"
      />
      <ActionButton
        variant="mini"
        disabled={!validWhen || busy}
        onClick={() =>
          change(
            () =>
              addExtraSlot(communityId, { startsAt: startsAt.toISOString(), durationMinutes: 30, places: 3 }),
            '已添加',
          )
        }
      >
        添加时段（30 分钟，3 个名额）
      </ActionButton>
    </View>
  );
}
