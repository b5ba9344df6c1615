import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { MemberAvatar } from '@/components/member-avatar';
import { TagChips } from '@/components/tag-chips';
import type { MemberSummaryView } from '@/domain/contract/profiles';
import { memberProfilePath } from '@/domain/page-paths';
import { isTeamRole, roleLabels } from '@/domain/roles';

/** A member in a list; opens their profile. */
export function MemberRow({ member, sharedTags }: { member: MemberSummaryView; sharedTags?: string[] }) {
  return (
    <View
      className="list-item member-row"
      onClick={() => Taro.navigateTo({ url: memberProfilePath(member.userId) })}
    >
      <MemberAvatar nickname={member.nickname} avatarUrl={member.avatarUrl} size="small" />
      <View className="member-row__body">
        <View>
          <Text className="member-row__name">{member.nickname}</Text>
          {isTeamRole(member.role) && <Text className="role-tag">{roleLabels[member.role]}</Text>}
        </View>
        {member.bio && <Text className="member-row__bio">{member.bio}</Text>}
        {sharedTags && <TagChips tags={sharedTags} shared />}
      </View>
    </View>
  );
}
