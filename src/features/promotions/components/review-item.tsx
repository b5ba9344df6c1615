import { Text, View } from '@tarojs/components';
import '../promotions.scss';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { FormReason, useTouched } from '@/components/form-reason';
import { TextField } from '@/components/text-field';
import type { PromotionReviewItemView } from '@/domain/contract/promotions';
import { promotionLimits } from '@/domain/promotions';
import { isApiError } from '@/lib/api-error';
import { appTimeZone, dayjs } from '@/lib/dayjs';
import { useSubmit } from '@/lib/use-submit';
import { approvePromotionRequest, rejectPromotionRequest } from '../api/decide-promotion-request';
import { PromotionCard } from './promotion-card';

/**
 * One pending request with what the reviewer needs in one glance, and the two decisions. A decision
 * names the version shown here; when the author edited meanwhile, the queue reloads and `changed`
 * marks this request until the reviewer has looked again.
 */
export function ReviewItem({
  item,
  changed,
  onDecided,
  onChanged,
}: {
  item: PromotionReviewItemView;
  changed: boolean;
  onDecided: () => void;
  onChanged: (requestId: string) => void;
}) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const reasonTouched = useTouched([reason]);
  const missingReason = reason.trim() ? null : '请写下不通过的原因';
  const slotFull = item.slot.remaining === 0;
  const { busy, run } = useSubmit();
  const tenureDays = dayjs().diff(dayjs(item.joinedAt), 'day');
  const last = item.lastApprovedSlotStartsAt
    ? dayjs(item.lastApprovedSlotStartsAt).tz(appTimeZone).format('YYYY年M月D日')
    : '从未推广';

  function decide(action: () => Promise<unknown>, done: string) {
    run(
      async () => {
        await action();
        Taro.showToast({ title: done, icon: 'success' });
        onDecided();
      },
      // SLOT_FULL and friends: the queue changed meanwhile, show it as it is now.
      {
        onError: (error) => {
          if (isApiError(error) && error.code === 'PROMOTION_CHANGED') onChanged(item.id);
          onDecided();
        },
      },
    );
  }

  return (
    <View className="review-item">
      {changed && (
        <Text className="review-item__changed">
          作者刚刚修改了这条申请，下面是最新内容（第 {item.version} 版），请重新审核
        </Text>
      )}
      <PromotionCard promotion={item} />
      <View className="card review-facts">
        <Text className="review-fact review-fact--tenure">入群 {tenureDays} 天</Text>
        <Text className="review-fact review-fact--last">上次推广：{last}</Text>
        <Text className="review-fact review-fact--verdict">内容检查：{item.contentVerdict}</Text>
        <Text className="review-fact review-fact--remaining">
          时段名额：剩 {item.slot.remaining}/{item.slot.places}
        </Text>
      </View>
      {rejecting ? (
        <View className="card form review-reject">
          <TextField
            className="field--reason"
            label="未通过原因（成员会看到）"
            value={reason}
            max={promotionLimits.rejectReasonMax}
            onChange={setReason}
          />
          <FormReason problem={missingReason} touched={reasonTouched} needs="请写下不通过的原因" />
          <View className="button-row">
            <ActionButton onClick={() => setRejecting(false)}>取消</ActionButton>
            <ActionButton
              variant="warn"
              className="review-reject-confirm"
              disabled={!!missingReason || busy}
              onClick={() => decide(() => rejectPromotionRequest(item, reason.trim()), '已拒绝')}
            >
              确认不通过
            </ActionButton>
          </View>
        </View>
      ) : (
        <>
          {/* Not the reviewer's mistake, so it reads as a calm hint, not an error. */}
          <FormReason problem={slotFull ? '这个时段已满' : null} touched={false} needs="这个时段已满" />
          <View className="button-row">
            <ActionButton
              variant="primary"
              className="review-approve"
              disabled={busy || slotFull}
              onClick={() => decide(() => approvePromotionRequest(item), '已通过')}
            >
              通过
            </ActionButton>
            <ActionButton className="review-reject" onClick={() => setRejecting(true)}>
              不通过
            </ActionButton>
          </View>
        </>
      )}
    </View>
  );
}
