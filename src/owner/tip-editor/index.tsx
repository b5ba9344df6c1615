import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { tipPath } from '@/domain/page-paths';
import { isTeamRole } from '@/domain/roles';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { useCommunity } from '@/features/communities/api/get-community';
import { useTip } from '@/features/tips/api/get-tip';
import { TipForm } from '@/features/tips/components/tip-form';
import { useLoginSession } from '@/lib/login-session';

/** New tip (team: publish / schedule / draft; member: suggest), or `?id=` to edit one. */
function TipEditor({ tipId }: { tipId: string | null }) {
  const currentCommunityId = useLoginSession((state) => state.currentCommunityId);
  const tip = useTip(tipId);
  const communityId = tip.data?.communityId ?? (tipId ? null : currentCommunityId);
  const community = useCommunity(communityId);

  if (tip.error) return <LoadError error={tip.error} onRetry={tip.reload} />;
  if (community.error) return <LoadError error={community.error} onRetry={community.reload} />;
  if (!community.data || (tipId && !tip.data)) return <SkeletonCard lines={6} />;
  return (
    <TipForm
      communityId={community.data.id}
      canPublish={isTeamRole(community.data.myRole)}
      tip={tip.data}
      onSaved={(saved) => Taro.redirectTo({ url: tipPath(saved.id) })}
    />
  );
}

export default function TipEditorPage() {
  const { params } = useRouter();
  return (
    <View className="page tip-editor">
      <SignInGate>
        <TipEditor tipId={params.id ?? null} />
      </SignInGate>
    </View>
  );
}
