import { View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useShareAppMessage } from '@tarojs/taro';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { CommunityHome } from '@/features/communities/components/community-home';
import { NoCommunityChoice } from '@/features/communities/components/no-community-choice';
import { useCurrentCommunity } from '@/features/communities/hooks/use-current-community';
import { shareCardFor } from '@/features/communities/share-card';
import { HomeSectionList } from './home-sections';
import { useHomeSections } from './use-home-sections';

function HomeContent() {
  const current = useCurrentCommunity();
  const community = current.status === 'ready' ? current.community : null;
  const sections = useHomeSections(community?.id ?? null, community?.myRole ?? null);

  // Coming back from 社群设置, a tip, a sign-up or another tab: show changes made meanwhile, without a skeleton.
  useDidShow(() => {
    if (current.status !== 'ready') return;
    current.reload();
    sections.reload();
  });
  usePullDownRefresh(async () => {
    await Promise.all([current.reload(), sections.reload()]);
    Taro.stopPullDownRefresh();
  });
  useShareAppMessage(() => shareCardFor(current.status === 'ready' ? current.community : null));

  if (current.status === 'loading') return <SkeletonCard lines={4} />;
  if (current.status === 'error') return <LoadError error={current.error} onRetry={current.reload} />;
  if (current.status === 'no-community') return <NoCommunityChoice />;
  return (
    <CommunityHome community={current.community}>
      <HomeSectionList sections={sections} />
    </CommunityHome>
  );
}

export default function IndexPage() {
  return (
    <View className="page">
      <SignInGate>
        <HomeContent />
      </SignInGate>
    </View>
  );
}
