import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/action-button';
import type { WelcomeDigestView } from '@/domain/contract/dashboard';
import { withPermission } from '@/lib/device-permission';
import '../dashboard.scss';

/** Today's newcomers and the one message that welcomes them all, ready to paste into the group. */
export function WelcomeDigestPanel({ digest }: { digest: WelcomeDigestView }) {
  if (digest.newcomers.length === 0) {
    return (
      <View className="card dashboard-empty welcome-empty">
        今天还没有新成员。把邀请码分享给志同道合的朋友吧
      </View>
    );
  }
  return (
    <>
      <View className="card">
        {digest.newcomers.map((newcomer) => (
          <View key={newcomer.userId} className="dashboard-row welcome-newcomer">
            <Text className="dashboard-row__name">
              {newcomer.invitedBy ? `${newcomer.nickname}（${newcomer.invitedBy} 邀请）` : newcomer.nickname}
            </Text>
            {newcomer.tags.length > 0 && (
              <Text className="dashboard-row__value">{newcomer.tags.join('、')}</Text>
            )}
          </View>
        ))}
      </View>
      <View className="card">
        <Text className="welcome-text">{digest.text}</Text>
        <ActionButton
          variant="primary"
          className="copy-welcome"
          onClick={() => withPermission('clipboard', () => Taro.setClipboardData({ data: digest.text }))}
        >
          复制
        </ActionButton>
      </View>
    </>
  );
}
