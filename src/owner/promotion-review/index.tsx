import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { usePromotionReview } from '@/features/promotions/api/get-promotion-review';
import { ReviewItem } from '@/features/promotions/components/review-item';
import { useLoginSession } from '@/lib/login-session';

function PromotionReview() {
  const communityId = useLoginSession((state) => state.currentCommunityId);
  const queue = usePromotionReview(communityId);
  // Requests the author edited while this screen showed an older version: marked until decided.
  const [changedIds, setChangedIds] = useState<ReadonlySet<string>>(new Set());
  const markChanged = (requestId: string) => setChangedIds((ids) => new Set(ids).add(requestId));
  usePullDownRefresh(async () => {
    await queue.reload();
    Taro.stopPullDownRefresh();
  });

  if (queue.error) return <LoadError error={queue.error} onRetry={queue.reload} />;
  if (!queue.data) return <SkeletonCard lines={5} />;
  if (queue.data.length === 0) {
    return (
      <View className="card empty">
        <Text className="hint">没有待审核的推广申请。成员提交后会出现在这里，按时段先后排列。</Text>
      </View>
    );
  }
  return (
    <View className="review-queue">
      {queue.data.map((item) => (
        <ReviewItem
          key={item.id}
          item={item}
          changed={changedIds.has(item.id)}
          onDecided={queue.reload}
          onChanged={markChanged}
        />
      ))}
    </View>
  );
}

export default function PromotionReviewPage() {
  return (
    <View className="page promotion-review">
      <SignInGate>
        <PromotionReview />
      </SignInGate>
    </View>
  );
}
