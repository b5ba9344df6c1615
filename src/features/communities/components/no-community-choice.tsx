import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/action-button';
import { pagePaths } from '@/domain/page-paths';
import { MyJoinRequests } from './my-join-requests';

/** First open without a community: start one as 群主, or join with an invite code; and how my requests stand. */
export function NoCommunityChoice() {
  return (
    <>
      <MyJoinRequests />
      <View className="card no-community">
        <Text className="title">欢迎来到群友圈</Text>
        <Text className="hint">你还没有加入任何社群</Text>
        <ActionButton variant="primary" onClick={() => Taro.navigateTo({ url: pagePaths.createCommunity })}>
          创建社群
        </ActionButton>
        <ActionButton onClick={() => Taro.navigateTo({ url: pagePaths.joinCommunity })}>
          加入社群
        </ActionButton>
      </View>
    </>
  );
}
