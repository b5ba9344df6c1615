import { View } from '@tarojs/components';
import Taro, { useDidShow, useLoad, usePullDownRefresh, useShareAppMessage } from '@tarojs/taro';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { CommunityHome } from '@/features/communities/components/community-home';
import { NoCommunityChoice } from '@/features/communities/components/no-community-choice';
import { RulesWelcomeCard } from '@/features/communities/components/rules-welcome-card';
import { useCurrentCommunity } from '@/features/communities/hooks/use-current-community';
import { shareCardFor } from '@/features/communities/share-card';
import { useLoginSession } from '@/lib/login-session';
import { enableShareTicket } from '@/lib/share-menu';
import { HomeSectionList } from './home-sections';
import { useHomeSections } from './use-home-sections';

function HomeContent() {
  const current = useCurrentCommunity();
  const community = current.status === 'ready' ? current.community : null;
  const myUserId = useLoginSession((state) => state.user?.id ?? null);
  // A newcomer reads the goal and rules and confirms them before anything else.
  const rulesConfirmed = useLoginSession(
    (state) => state.memberships?.find((m) => m.communityId === community?.id)?.rulesConfirmed ?? true,
  );
  const sections = useHomeSections(
    rulesConfirmed ? (community?.id ?? null) : null,
    community?.myRole ?? null,
  );

  // Coming back from 社群设置, a tip, a sign-up or another tab: show changes made meanwhile, without a
  // skeleton. Without a community too: a join request may have been approved meanwhile.
  useDidShow(() => {
    if (current.status === 'loading') return;
    current.reload();
    sections.reload();
  });
  usePullDownRefresh(async () => {
    await Promise.all([current.reload(), sections.reload()]);
    Taro.stopPullDownRefresh();
  });
  useShareAppMessage(() => shareCardFor(community, myUserId));

  if (current.status === 'loading') return <SkeletonCard lines={4} />;
  if (current.status === 'error') return <LoadError error={current.error} onRetry={current.reload} />;
  if (current.status === 'no-community') return <NoCommunityChoice />;
  if (!rulesConfirmed) return <RulesWelcomeCard community={current.community} />;
  return (
    <CommunityHome community={current.community}>
      <HomeSectionList sections={sections} />
    </CommunityHome>
  );
}

export default function IndexPage() {
  useLoad(enableShareTicket);
  return (
    <View className="page">
      <SignInGate>
        <HomeContent />
      </SignInGate>
    </View>
  );
}
