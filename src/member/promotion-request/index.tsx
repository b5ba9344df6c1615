import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { useMyPromotionRequests } from '@/features/promotions/api/get-my-promotion-requests';
import { usePromotionSlots } from '@/features/promotions/api/get-promotion-slots';
import { PromotionRequestForm } from '@/features/promotions/components/promotion-request-form';
import { useLoginSession } from '@/lib/login-session';

/** 申请推广 for the slot picked on the 推广 tab, or editing one of my pending requests (`request`). */
function PromotionRequestContent() {
  const { params } = useRouter();
  const communityId = useLoginSession((state) => state.currentCommunityId);
  const slots = usePromotionSlots(communityId);
  const mine = useMyPromotionRequests(params.request ? communityId : null);
  const error = slots.error ?? mine.error;
  if (error) return <LoadError error={error} onRetry={() => Promise.all([slots.reload(), mine.reload()])} />;
  if (!communityId || !slots.data || (params.request && !mine.data)) return <SkeletonCard lines={5} />;

  const editing = mine.data?.find((request) => request.id === params.request) ?? null;
  const slot = editing?.slot ?? slots.data.find((candidate) => candidate.id === params.slot);
  if (!slot || (params.request && editing?.status !== 'pending')) {
    return (
      <View className="card empty">
        <Text className="hint">这个时段已经不能申请了，回到推广页换一个时段吧。</Text>
      </View>
    );
  }
  return (
    <PromotionRequestForm
      communityId={communityId}
      slot={slot}
      editing={editing}
      onSaved={() => Taro.navigateBack()}
    />
  );
}

export default function PromotionRequestPage() {
  return (
    <View className="page">
      <SignInGate>
        <PromotionRequestContent />
      </SignInGate>
    </View>
  );
}
