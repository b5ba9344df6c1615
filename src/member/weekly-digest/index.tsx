import { Text, View } from '@tarojs/components';
import Taro, { useLoad, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import { useState } from 'react';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { weekStartOf } from '@/domain/china-weeks';
import type { WeeklyDigestReadView, WeeklyDigestView } from '@/domain/contract/weekly-digest';
import { pagePaths } from '@/domain/page-paths';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { useCommunity } from '@/features/communities/api/get-community';
import { type Invitation, invitationFrom, JoinPrompt } from '@/features/communities/components/join-prompt';
import { useWeeklyDigest } from '@/features/weekly-digest/api/get-weekly-digest';
import { DigestHeader } from '@/features/weekly-digest/components/digest-header';
import { DigestSections } from '@/features/weekly-digest/components/digest-sections';
import { DigestShareBar } from '@/features/weekly-digest/components/digest-share-bar';
import { digestShareCard } from '@/features/weekly-digest/share-card';
import { isApiError } from '@/lib/api-error';
import { useLoginSession } from '@/lib/login-session';
import { enableShareTicket } from '@/lib/share-menu';

/** What a week without a digest means to the reader: nothing to tell yet, or not shared yet. */
function NoDigest({ why }: { why: WeeklyDigestReadView['noDigest'] }) {
  return (
    <View className="card digest-empty">
      <Text className="hint">
        {why === 'empty'
          ? '这一周还没有新技巧、活动或新朋友。发布一个技巧、安排一场活动，周报就有内容了。'
          : '这一周的群周报还没有发布，群主分享后就能在这里看到。'}
      </Text>
    </View>
  );
}

function DigestContent({ weekStart, invitation }: { weekStart: string; invitation: Invitation }) {
  const communityId = useLoginSession((state) => invitation.community ?? state.currentCommunityId);
  const myUserId = useLoginSession((state) => state.user?.id ?? null);
  const query = useWeeklyDigest(communityId, weekStart);
  const [changed, setChanged] = useState<WeeklyDigestView>();
  const digest = changed ?? query.data?.digest;
  const community = useCommunity(digest?.canManage ? digest.communityId : null);

  usePullDownRefresh(async () => {
    setChanged(undefined);
    await query.reload();
    Taro.stopPullDownRefresh();
  });
  useShareAppMessage(() =>
    digest
      ? digestShareCard(digest, {
          inviteCode: community.data?.inviteCode ?? invitation.code ?? null,
          myUserId,
        })
      : { title: '群友圈', path: pagePaths.home },
  );

  if (query.error && !changed) {
    if (isApiError(query.error) && query.error.code === 'NOT_A_MEMBER')
      return <JoinPrompt invitation={invitation} what="群周报" />;
    return <LoadError error={query.error} onRetry={query.reload} />;
  }
  if (query.data && !digest) return <NoDigest why={query.data.noDigest} />;
  if (!digest) return <SkeletonCard lines={6} />;
  return (
    <>
      <DigestHeader digest={digest} onChange={setChanged} />
      <DigestSections digest={digest} />
      {digest.canManage && <DigestShareBar digest={digest} onShared={setChanged} />}
    </>
  );
}

/** 本周群周报 of `?week=` (its Monday), or of this week. */
export default function WeeklyDigestPage() {
  const { params } = useRouter();
  const weekStart = params.week ? decodeURIComponent(params.week) : weekStartOf(new Date());
  const invitation = invitationFrom(params);
  useLoad(enableShareTicket);
  return (
    <View className="page weekly-digest-page">
      <SignInGate>
        <DigestContent weekStart={weekStart} invitation={invitation} />
      </SignInGate>
    </View>
  );
}
