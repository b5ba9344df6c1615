import { Image, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { PromotionRequestView } from '@/domain/contract/promotions';
import { promotionStatusLabels } from '@/domain/promotion-labels';
import { imageSrc } from '@/lib/image-src';
import { slotLabel } from '../slot-label';

/** `action`: a control the page adds to the card (举报). */
export function PromotionCard({
  promotion,
  showStatus,
  action,
}: {
  promotion: PromotionRequestView;
  showStatus?: boolean;
  action?: ReactNode;
}) {
  return (
    <View className="card promotion-card">
      <View className="promotion-card__head">
        <Text className="promotion-card__title">{promotion.title}</Text>
        {showStatus && (
          <Text className={`promotion-status promotion-status--${promotion.status}`}>
            {promotionStatusLabels[promotion.status]}
          </Text>
        )}
      </View>
      <Text className="promotion-card__meta">
        {promotion.category} · {promotion.author.nickname} · {slotLabel(promotion.slot)}
      </Text>
      <Text className="promotion-card__content">{promotion.content}</Text>
      {promotion.imageUrl && (
        <Image
          className="image-picker__image promotion-card__image"
          src={imageSrc(promotion.imageUrl)}
          mode="widthFix"
        />
      )}
      {promotion.link && <Text className="promotion-card__link">{promotion.link}</Text>}
      {promotion.status === 'rejected' && promotion.rejectReason && (
        <Text className="promotion-card__reason">原因：{promotion.rejectReason}</Text>
      )}
      {promotion.hidden && <Text className="hint">已被隐藏：只有作者和群主、管理员、秘书能看到</Text>}
      {action}
    </View>
  );
}
