import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { ActionButton } from '@/components/action-button';
import { LoadError } from '@/components/load-error';
import { MemberAvatar } from '@/components/member-avatar';
import { SkeletonCard } from '@/components/skeleton-card';
import { TagChips } from '@/components/tag-chips';
import { pagePaths } from '@/domain/page-paths';
import { roleLabels } from '@/domain/roles';
import { useMyProfile } from '../api/get-my-profile';
import { AttendanceLine } from './attendance-line';

/** 我的: my profile in the current community (each community has its own), with 编辑资料 and 和我相似的人. */
export function ProfileCard({ communityId }: { communityId: string }) {
  const profile = useMyProfile(communityId);
  // Back from 编辑资料: show the change.
  useDidShow(() => {
    if (profile.data) profile.reload();
  });

  if (profile.error) return <LoadError error={profile.error} onRetry={profile.reload} />;
  if (!profile.data) return <SkeletonCard lines={3} />;
  const me = profile.data;

  return (
    <View className="card profile-card my-profile-card">
      <Text className="label">我在本群的资料</Text>
      <View className="profile-card__top">
        <MemberAvatar nickname={me.nickname} avatarUrl={me.avatarUrl} />
        <View className="profile-card__names">
          <Text className="user-nickname profile-nickname">{me.nickname}</Text>
          <Text className="role-tag">{roleLabels[me.role]}</Text>
        </View>
      </View>
      <Text className={`profile-bio ${me.bio ? '' : 'hint'}`}>
        {me.bio || '还没有介绍，写一句让群友认识你'}
      </Text>
      {me.tags.length > 0 ? (
        <TagChips tags={me.tags} />
      ) : (
        <Text className="hint">加几个兴趣标签，就能找到和你相似的人</Text>
      )}
      {me.attendance && <AttendanceLine record={me.attendance} />}
      <View className="button-row">
        <ActionButton
          className="edit-profile"
          onClick={() => Taro.navigateTo({ url: pagePaths.editProfile })}
        >
          编辑资料
        </ActionButton>
        <ActionButton
          className="people-like-me-entry"
          onClick={() => Taro.navigateTo({ url: pagePaths.peopleLikeMe })}
        >
          和我相似的人
        </ActionButton>
      </View>
    </View>
  );
}
