import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/action-button';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import type { MemberView } from '@/domain/contract/communities';
import { memberProfilePath } from '@/domain/page-paths';
import { assignableRoles, hasRoleAtLeast, roleLabels } from '@/domain/roles';
import { showErrorToast } from '@/lib/show-error-toast';
import { changeMemberRole } from '../api/change-member-role';
import { useMembers } from '../api/get-members';

/** Members with their roles; the 群主 hands out roles here. A row opens the member's page, where
 * the 群主 also finds 转让群主 (rare and final, so not beside every row). */
export function MemberList({ communityId, myUserId }: { communityId: string; myUserId: string }) {
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

  if (members.error) return <LoadError error={members.error} onRetry={members.reload} />;
  if (!members.data) return <SkeletonCard lines={4} />;

  return (
    <View className="card list member-list">
      {members.data.map((member) => (
        <View
          key={member.userId}
          className="list-item member"
          onClick={() => Taro.navigateTo({ url: memberProfilePath(member.userId) })}
        >
          <Text className="member__name">{member.nickname}</Text>
          <Text className="role-tag member__role">{roleLabels[member.role]}</Text>
          {member.userId !== myUserId && !hasRoleAtLeast(member.role, 'owner') && (
            <View className="member__actions" onClick={(event) => event.stopPropagation()}>
              <ActionButton variant="mini" onClick={() => changeRole(member)}>
                设置角色
              </ActionButton>
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
