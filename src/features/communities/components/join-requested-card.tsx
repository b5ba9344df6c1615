import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/action-button';
import type { MyJoinRequestView } from '@/domain/contract/joining';
import { WithdrawJoinRequestButton } from './withdraw-join-request-button';
import './joining.scss';
import { pagePaths } from '@/domain/page-paths';

/** My request waits for the owner or an admin: say so plainly, and let me take it back. */
export function JoinRequestedCard({
  request,
  onWithdrawn,
}: {
  request: MyJoinRequestView;
  onWithdrawn: () => void;
}) {
  return (
    <View className="card join-requested">
      <View className="join-requested__head">
        <Text className="title">{request.communityName}</Text>
        <Text className="join-status join-status--pending">待审核</Text>
      </View>
      <Text className="join-requested__message">已提交入群申请，群主或管理员通过后会通知你</Text>
      <View className="button-row">
        <WithdrawJoinRequestButton requestId={request.id} onWithdrawn={onWithdrawn} />
        <ActionButton variant="mini" onClick={() => Taro.switchTab({ url: pagePaths.home })}>
          返回首页
        </ActionButton>
      </View>
    </View>
  );
}
