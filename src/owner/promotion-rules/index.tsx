import { Text, View } from '@tarojs/components';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { messageFor } from '@/domain/error-codes';
import { hasRoleAtLeast } from '@/domain/roles';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { useMyRole } from '@/features/communities/hooks/use-my-role';
import { usePromotionRules } from '@/features/promotions/api/get-promotion-rules';
import { usePromotionSlots } from '@/features/promotions/api/get-promotion-slots';
import { PromotionRulesForm } from '@/features/promotions/components/promotion-rules-form';
import { SlotAdminList } from '@/features/promotions/components/slot-admin-list';
import { useLoginSession } from '@/lib/login-session';

function PromotionRules() {
  const communityId = useLoginSession((state) => state.currentCommunityId);
  const role = useMyRole();
  const rules = usePromotionRules(communityId);
  const slots = usePromotionSlots(communityId);

  if (role && !hasRoleAtLeast(role, 'admin')) {
    return (
      <View className="card">
        <Text className="hint">{messageFor('FORBIDDEN')}</Text>
      </View>
    );
  }
  const error = rules.error ?? slots.error;
  if (error) return <LoadError error={error} onRetry={() => Promise.all([rules.reload(), slots.reload()])} />;
  if (!communityId || !rules.data || !slots.data) return <SkeletonCard lines={5} />;
  return (
    <>
      <View className="section-title">每周推广时段</View>
      <PromotionRulesForm
        communityId={communityId}
        rules={rules.data}
        onSaved={() => Promise.all([rules.reload(), slots.reload()])}
      />
      <View className="section-title">接下来 4 周</View>
      <SlotAdminList communityId={communityId} slots={slots.data} onChanged={slots.reload} />
    </>
  );
}

export default function PromotionRulesPage() {
  return (
    <View className="page promotion-rules-page">
      <SignInGate>
        <PromotionRules />
      </SignInGate>
    </View>
  );
}
