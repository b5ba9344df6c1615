import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { type WelcomePeriod, welcomePeriodLabels, welcomePeriods } from '@/domain/welcome-digest';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { useWelcomeDigest } from '@/features/dashboard/api/get-welcome-digest';
import { WelcomeDigestPanel } from '@/features/dashboard/components/welcome-digest-panel';
import { useLoginSession } from '@/lib/login-session';

function WelcomeDigest() {
  const communityId = useLoginSession((state) => state.currentCommunityId);
  const [period, setPeriod] = useState<WelcomePeriod>('day');
  const digest = useWelcomeDigest(communityId, period);
  usePullDownRefresh(async () => {
    await digest.reload();
    Taro.stopPullDownRefresh();
  });
  return (
    <>
      <View className="welcome-periods">
        {welcomePeriods.map((each) => (
          <ActionButton
            key={each}
            variant={each === period ? 'primary' : 'default'}
            className={`welcome-period welcome-period--${each}`}
            onClick={() => setPeriod(each)}
          >
            {welcomePeriodLabels[each]}
          </ActionButton>
        ))}
      </View>
      {digest.error ? (
        <LoadError error={digest.error} onRetry={digest.reload} />
      ) : digest.data && digest.data.period === period ? (
        <WelcomeDigestPanel digest={digest.data} />
      ) : (
        <SkeletonCard lines={3} />
      )}
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
