import { Text, View } from '@tarojs/components';
import { LoadError } from '@/components/load-error';
import { MemberAvatar } from '@/components/member-avatar';
import { SkeletonCard } from '@/components/skeleton-card';
import { TagChips } from '@/components/tag-chips';
import { roleLabels } from '@/domain/roles';
import { appTimeZone, dayjs } from '@/lib/dayjs';
import type { useMemberProfile } from '../api/get-member-profile';
import { AttendanceLine } from './attendance-line';

/** Another member's profile, as members of the same community see it (the team sees their attendance too). */
export function MemberProfile({ profile }: { profile: ReturnType<typeof useMemberProfile> }) {
  if (profile.error) return <LoadError error={profile.error} onRetry={profile.reload} />;
  if (!profile.data) return <SkeletonCard lines={4} />;
  const member = profile.data;
  return (
    <View className="card profile-card member-profile">
      <View className="profile-card__top">
        <MemberAvatar nickname={member.nickname} avatarUrl={member.avatarUrl} />
        <View className="profile-card__names">
          <Text className="user-nickname profile-nickname">{member.nickname}</Text>
          <Text className="role-tag">{roleLabels[member.role]}</Text>
        </View>
      </View>
      <Text className={`profile-bio ${member.bio ? '' : 'hint'}`}>
        {member.bio || '这位群友还没有写介绍'}
      </Text>
      {member.tags.length > 0 ? <TagChips tags={member.tags} /> : <Text className="hint">还没有标签</Text>}
      {member.attendance && <AttendanceLine record={member.attendance} />}
      <Text className="hint profile-joined">
        {dayjs(member.joinedAt).tz(appTimeZone).format('YYYY年M月D日')} 加入
      </Text>
    </View>
  );
}
