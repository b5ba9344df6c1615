import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { tipPath } from '@/domain/page-paths';
import { hasRoleAtLeast, isTeamRole } from '@/domain/roles';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { useCommunity } from '@/features/communities/api/get-community';
import { TipReviewList } from '@/features/tips/components/tip-review-list';
import { useLoginSession } from '@/lib/login-session';

function TipReview() {
  const communityId = useLoginSession((state) => state.currentCommunityId);
  const community = useCommunity(communityId);
  if (community.error) return <LoadError error={community.error} onRetry={community.reload} />;
  if (!community.data) return <SkeletonCard lines={4} />;
  return (
    <TipReviewList
      communityId={community.data.id}
      canReview={hasRoleAtLeast(community.data.myRole, 'admin')}
      isTeam={isTeamRole(community.data.myRole)}
      onOpen={(tipId) => Taro.navigateTo({ url: tipPath(tipId) })}
    />
  );
}

export default function TipReviewPage() {
  return (
    <View className="page tip-review-page">
      <SignInGate>
        <TipReview />
      </SignInGate>
    </View>
  );
}
