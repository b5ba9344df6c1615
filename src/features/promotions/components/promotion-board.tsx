import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { PromotionBoardView, PromotionRequestView } from '@/domain/contract/promotions';
import { PromotionCard } from './promotion-card';

/** Approved promotions: those of the slot running now first, then the coming ones. */
export function PromotionBoard({
  board,
  cardAction,
}: {
  board: PromotionBoardView;
  cardAction?: (promotion: PromotionRequestView) => ReactNode;
}) {
  if (board.current.length === 0 && board.upcoming.length === 0) {
    return (
      <View className="card empty promotion-board--empty">
        <Text className="hint">还没有通过的推广。想让群友看到你的作品？选一个推广时段申请吧。</Text>
      </View>
    );
  }
  return (
    <View className="promotion-board">
      {board.current.length > 0 && <View className="section-title">正在推广</View>}
      {board.current.map((promotion) => (
        <PromotionCard key={promotion.id} promotion={promotion} action={cardAction?.(promotion)} />
      ))}
      {board.upcoming.length > 0 && <View className="section-title">即将推广</View>}
      {board.upcoming.map((promotion) => (
        <PromotionCard key={promotion.id} promotion={promotion} action={cardAction?.(promotion)} />
      ))}
    </View>
  );
}
