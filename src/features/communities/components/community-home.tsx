import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { ActionButton } from '@/components/action-button';
import type { CommunityView } from '@/domain/contract/communities';
import { pagePaths } from '@/domain/page-paths';
import { hasRoleAtLeast, roleLabels } from '@/domain/roles';
import { InviteCodeCard } from './invite-code-card';

/**
 * 首页 content: the goal comes right under the name because it is why the members are here.
 * `children` are the page's sections from other features (today's tip, next session...), shown under the goal.
 */
export function CommunityHome({ community, children }: { community: CommunityView; children?: ReactNode }) {
  return (
    <View className="community-home">
      <View className="card community-header">
        <View className="community-header__top">
          <Text className="community-name">{community.name}</Text>
          <Text className="role-tag my-role">{roleLabels[community.myRole]}</Text>
        </View>
        <Text className="label">社群目标</Text>
        <Text className="community-goal">{community.goal}</Text>
      </View>

      {children}

      <View className="card">
        <Text className="label">群规</Text>
        <Text className="community-rules">{community.rules}</Text>
      </View>

      <View className="card community-members">
        <Text className="label">成员</Text>
        <Text className="member-count">{`${community.memberCount}/${community.capacity}人`}</Text>
      </View>

      {community.inviteCode && <InviteCodeCard inviteCode={community.inviteCode} />}

      {hasRoleAtLeast(community.myRole, 'owner') && (
        <ActionButton
          className="owner-settings-entry"
          onClick={() => Taro.navigateTo({ url: pagePaths.settings })}
        >
          社群设置
        </ActionButton>
      )}
    </View>
  );
}
