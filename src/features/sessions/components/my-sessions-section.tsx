import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { pagePaths, sessionPath } from '@/domain/page-paths';
import { useLoginSession } from '@/lib/login-session';
import { useMySessions } from '../api/get-my-sessions';
import { SessionCard } from './session-card';

/** 我的活动 on 我的: what I signed up for or wait on, upcoming first, then the recent past. */
export function MySessionsSection() {
  const userId = useLoginSession((state) => state.user?.id ?? null);
  const mine = useMySessions(userId);
  useDidShow(() => {
    if (mine.data) mine.reload();
  });
  const open = (id: string) => Taro.navigateTo({ url: sessionPath(id) });
  return (
    <View className="my-sessions">
      <View className="section-title">我的活动</View>
      {mine.error ? (
        <LoadError error={mine.error} onRetry={mine.reload} />
      ) : !mine.data ? (
        <SkeletonCard lines={2} />
      ) : mine.data.upcoming.length === 0 && mine.data.past.length === 0 ? (
        <View className="card empty-state">
          <Text className="hint">还没有报名活动。</Text>
          <Text
            className="link my-sessions__browse"
            onClick={() => Taro.switchTab({ url: pagePaths.sessions })}
          >
            去活动看看
          </Text>
        </View>
      ) : (
        <>
          {mine.data.upcoming.map((session) => (
            <SessionCard key={session.id} session={session} onOpen={open} />
          ))}
          {mine.data.past.length > 0 && <View className="section-title">参加过的</View>}
          {mine.data.past.map((session) => (
            <SessionCard key={session.id} session={session} onOpen={open} />
          ))}
        </>
      )}
    </View>
  );
}
