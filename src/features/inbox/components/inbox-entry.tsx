import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useLoginSession } from '@/lib/login-session';
import { useUnreadCount } from '../api/get-unread-count';
import '../inbox-entry.scss';
import { pagePaths } from '@/domain/page-paths';

/** The 消息 row of 我的, with the number of unread messages; the count is a hint, so a failure hides it. */
export function InboxEntry() {
  const signedIn = useLoginSession((state) => state.token !== null);
  const unread = useUnreadCount(signedIn);
  useDidShow(() => {
    if (signedIn) void unread.reload();
  });
  const count = unread.error ? 0 : (unread.data?.unreadCount ?? 0);

  return (
    <View className="card list inbox-entry" onClick={() => Taro.navigateTo({ url: pagePaths.inbox })}>
      <View className="list-item inbox-entry__row">
        <Text className="inbox-entry__label">消息</Text>
        {count > 0 && <Text className="inbox-badge">{count > 99 ? '99+' : count}</Text>}
        <Text className="inbox-entry__arrow">›</Text>
      </View>
    </View>
  );
}
