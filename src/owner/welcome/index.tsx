import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { weeklyDigestPath } from '@/domain/page-paths';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { useWelcomeDigest } from '@/features/dashboard/api/get-welcome-digest';
import { WelcomeDigestPanel } from '@/features/dashboard/components/welcome-digest-panel';
import { useLoginSession } from '@/lib/login-session';
import '../../components/cell.scss';

/** Today's newcomers; the week's are welcomed in 本周群周报, one tap away. */
function WelcomeDigest() {
  const communityId = useLoginSession((state) => state.currentCommunityId);
  const digest = useWelcomeDigest(communityId);
  usePullDownRefresh(async () => {
    await digest.reload();
    Taro.stopPullDownRefresh();
  });
  return (
    <>
      {digest.error ? (
        <LoadError error={digest.error} onRetry={digest.reload} />
      ) : digest.data ? (
        <WelcomeDigestPanel digest={digest.data} />
      ) : (
        <SkeletonCard lines={3} />
      )}
      <View className="card list">
        <View
          className="list-item cell welcome-weekly-digest"
          onClick={() => Taro.navigateTo({ url: weeklyDigestPath() })}
        >
          <Text className="cell__label">本周的新朋友，在本周群周报里一起欢迎</Text>
          <Text className="cell__arrow">›</Text>
        </View>
      </View>
    </>
  );
}

export default function WelcomePage() {
  return (
    <View className="page welcome-page">
      <SignInGate>
        <WelcomeDigest />
      </SignInGate>
    </View>
  );
}
