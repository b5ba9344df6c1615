import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/action-button';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import type { BlockedUserView } from '@/domain/contract/communities';
import type { QueryState } from '@/lib/use-query';
import { useSubmit } from '@/lib/use-submit';
import { unblockUser } from '../api/remove-member';
import '../../../components/cell.scss';

/** People removed and barred from joining again; lifting a block lets them join the usual ways. */
export function BlockedUsers({
  communityId,
  blocked,
}: {
  communityId: string;
  blocked: QueryState<BlockedUserView[]>;
}) {
  const { busy, run } = useSubmit();

  async function lift(user: BlockedUserView) {
    const { confirm } = await Taro.showModal({
      title: '解除禁止',
      content: `解除后「${user.nickname}」可以凭邀请码或分享卡片再次加入。`,
      confirmText: '解除',
    });
    if (!confirm) return;
    await run(async () => {
      await unblockUser(communityId, user.userId);
      Taro.showToast({ title: '已解除禁止', icon: 'none' });
      await blocked.reload();
    });
  }

  if (blocked.error) return <LoadError error={blocked.error} onRetry={blocked.reload} />;
  if (!blocked.data) return <SkeletonCard lines={2} />;
  if (blocked.data.length === 0)
    return (
      <View className="card blocked-users-empty">
        <Text className="hint">没有被禁止加入的人</Text>
      </View>
    );
  return (
    <View className="card list blocked-users">
      {blocked.data.map((user) => (
        <View key={user.userId} className="list-item blocked-users__row">
          <View className="cell__label">
            <Text className="member__name">{user.nickname}</Text>
            <Text className="hint">
              {[user.blockedByNickname ? `${user.blockedByNickname}移出` : '', user.reason]
                .filter(Boolean)
                .join('：') || '未填写原因'}
            </Text>
          </View>
          <ActionButton variant="mini" className="unblock" disabled={busy} onClick={() => lift(user)}>
            解除禁止
          </ActionButton>
        </View>
      ))}
    </View>
  );
}
