import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { useJoinRequests } from '@/features/communities/api/get-join-requests';
import { JoinRequestItem } from '@/features/communities/components/join-request-item';
import { useLoginSession } from '@/lib/login-session';

/** Opened from 首页's waiting strip or from the inbox notice of a new request. */
function JoinRequests() {
  const communityId = useLoginSession((state) => state.currentCommunityId);
  const queue = useJoinRequests(communityId);
  usePullDownRefresh(async () => {
    await queue.reload();
    Taro.stopPullDownRefresh();
  });
  // Back from the inbox or another admin's decision meanwhile: show the queue as it is now.
  useDidShow(() => {
    if (queue.data) queue.reload();
  });

  if (queue.error) return <LoadError error={queue.error} onRetry={queue.reload} />;
  if (!queue.data) {
    return (
      <>
        <SkeletonCard lines={3} />
        <SkeletonCard lines={3} />
      </>
    );
  }
  if (queue.data.length === 0) {
    return (
      <View className="card empty join-requests-empty">
        <Text className="title">暂无入群申请</Text>
        <Text className="hint">新的申请会出现在这里，并通过「消息」通知你。</Text>
      </View>
    );
  }
  return (
    <View className="join-requests">
      {queue.data.map((request) => (
        <JoinRequestItem key={request.id} request={request} onDecided={queue.reload} />
      ))}
    </View>
  );
}

export default function JoinRequestsPage() {
  return (
    <View className="page join-requests-page">
      <SignInGate>
        <JoinRequests />
      </SignInGate>
    </View>
  );
}
