import { View } from '@tarojs/components';
import Taro, { useDidShow, useLoad, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { pagePaths, pageUrl } from '@/domain/page-paths';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { type Invitation, invitationFrom, JoinPrompt } from '@/features/communities/components/join-prompt';
import { useSession } from '@/features/sessions/api/get-session';
import { SessionDetail } from '@/features/sessions/components/session-detail';
import { isApiError } from '@/lib/api-error';
import { useLoginSession } from '@/lib/login-session';
import { enableShareTicket } from '@/lib/share-menu';

function SessionContent({ sessionId, invitation }: { sessionId: string; invitation: Invitation }) {
  const session = useSession(sessionId);
  const myUserId = useLoginSession((state) => state.user?.id ?? null);

  // Back from editing or attendance: show the change without a skeleton.
  useDidShow(() => {
    if (session.data) session.reload();
  });
  usePullDownRefresh(async () => {
    await session.reload();
    Taro.stopPullDownRefresh();
  });
  useShareAppMessage(() => ({
    title: session.data ? `活动：${session.data.title}` : '群友圈活动',
    path: pageUrl(pagePaths.session, {
      id: sessionId,
      community: session.data?.communityId ?? invitation.community,
      inviter: myUserId ?? undefined,
    }),
  }));

  if (isApiError(session.error) && session.error.code === 'NOT_A_MEMBER') {
    return <JoinPrompt invitation={invitation} what="活动" />;
  }
  if (session.error) return <LoadError error={session.error} onRetry={session.reload} />;
  if (!session.data) return <SkeletonCard lines={5} />;
  return <SessionDetail session={session.data} onChanged={session.reload} />;
}

export default function SessionPage() {
  const { params } = useRouter();
  useLoad(enableShareTicket);
  return (
    <View className="page session-page">
      <SignInGate>
        {params.id ? (
          <SessionContent sessionId={params.id} invitation={invitationFrom(params)} />
        ) : (
          <SkeletonCard />
        )}
      </SignInGate>
    </View>
  );
}
