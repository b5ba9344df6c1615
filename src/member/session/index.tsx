import { View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { useSession } from '@/features/sessions/api/get-session';
import { SessionDetail } from '@/features/sessions/components/session-detail';
import { sessionPath } from '@/features/sessions/session-pages';

function SessionContent({ sessionId }: { sessionId: string }) {
  const session = useSession(sessionId);

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
    path: sessionPath(sessionId),
  }));

  if (session.error) return <LoadError error={session.error} onRetry={session.reload} />;
  if (!session.data) return <SkeletonCard lines={5} />;
  return <SessionDetail session={session.data} onChanged={session.reload} />;
}

export default function SessionPage() {
  const { params } = useRouter();
  return (
    <View className="page session-page">
      <SignInGate>{params.id ? <SessionContent sessionId={params.id} /> : <SkeletonCard />}</SignInGate>
    </View>
  );
}
