import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/action-button';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import type { MemberView } from '@/domain/contract/communities';
import { assignableRoles, hasRoleAtLeast, roleLabels } from '@/domain/roles';
import { showErrorToast } from '@/lib/show-error-toast';
import { changeMemberRole } from '../api/change-member-role';
import { useMembers } from '../api/get-members';
import { transferOwnership } from '../api/transfer-ownership';

/** Members with their roles; the 群主 hands out roles and can transfer ownership (asked twice, it cannot be undone). */
export function MemberList({
  communityId,
  myUserId,
  onOwnershipTransferred,
}: {
  communityId: string;
  myUserId: string;
  onOwnershipTransferred: () => void;
}) {
  const members = useMembers(communityId);

  async function changeRole(member: MemberView) {
    const choices = assignableRoles.filter((role) => role !== member.role);
    let tapIndex: number;
    try {
      ({ tapIndex } = await Taro.showActionSheet({ itemList: choices.map((role) => roleLabels[role]) }));
    } catch {
      return; // cancelled
    }
    try {
      await changeMemberRole(communityId, member.userId, choices[tapIndex]);
      Taro.showToast({ title: `已设为${roleLabels[choices[tapIndex]]}`, icon: 'none' });
      await members.reload();
    } catch (error) {
      showErrorToast(error);
    }
  }

  async function transferTo(member: MemberView) {
    const { confirm } = await Taro.showModal({
      title: '转让群主',
      content: `确定把群主转让给「${member.nickname}」吗？转让后你将成为管理员，无法撤回。`,
      confirmText: '转让',
      confirmColor: '#fa5151',
    });
    if (!confirm) return;
    try {
      await transferOwnership(communityId, member.userId);
      Taro.showToast({ title: '已转让群主', icon: 'none' });
      onOwnershipTransferred();
    } catch (error) {
      showErrorToast(error);
    }
  }

  if (members.error) return <LoadError error={members.error} onRetry={members.reload} />;
  if (!members.data) return <SkeletonCard lines={4} />;

  return (
    <View className="card list member-list">
      {members.data.map((member) => (
        <View key={member.userId} className="list-item member">
          <Text className="member__name">{member.nickname}</Text>
          <Text className="role-tag member__role">{roleLabels[member.role]}</Text>
          {member.userId !== myUserId && !hasRoleAtLeast(member.role, 'owner') && (
            <View className="member__actions">
              <ActionButton variant="mini" onClick={() => changeRole(member)}>
                设置角色
              </ActionButton>
              <ActionButton variant="mini" onClick={() => transferTo(member)}>
                转让群主
              </ActionButton>
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
