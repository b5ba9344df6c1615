import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/action-button';
import { LoadError } from '@/components/load-error';
import { pagePaths, tipPath } from '@/domain/page-paths';
import { hasRoleAtLeast, isTeamRole } from '@/domain/roles';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { UserCard } from '@/features/auth/components/user-card';
import { useLogout } from '@/features/auth/hooks/use-logout';
import { useMe } from '@/features/communities/api/get-me';
import { CommunitySwitcher } from '@/features/communities/components/community-switcher';
import { LeaveCommunityButton } from '@/features/communities/components/leave-community-button';
import { InboxEntry } from '@/features/inbox/components/inbox-entry';
import { ProfileCard } from '@/features/profiles/components/profile-card';
import { MySessionsSection } from '@/features/sessions/components/my-sessions-section';
import { MyTipsSection } from '@/features/tips/components/my-tips-section';
import { useLoginSession } from '@/lib/login-session';

function MeContent() {
  const me = useMe();
  const logout = useLogout();
  const currentMembership = useLoginSession((state) =>
    state.memberships?.find((m) => m.communityId === state.currentCommunityId),
  );

  return (
    <>
      {/* The community profile already shows avatar and nickname; the plain card is for no community yet. */}
      {currentMembership ? <ProfileCard communityId={currentMembership.communityId} /> : <UserCard />}
      <InboxEntry />
      <MySessionsSection />
      {currentMembership && (
        <>
          <View className="section-title">我的技巧</View>
          <MyTipsSection
            communityId={currentMembership.communityId}
            onOpen={(tipId) => Taro.navigateTo({ url: tipPath(tipId) })}
          />
        </>
      )}
      <View className="section-title">我的社群</View>
      {me.error ? <LoadError error={me.error} onRetry={me.reload} /> : <CommunitySwitcher />}
      <View className="button-row">
        <ActionButton onClick={() => Taro.navigateTo({ url: pagePaths.createCommunity })}>
          创建社群
        </ActionButton>
        <ActionButton onClick={() => Taro.navigateTo({ url: pagePaths.joinCommunity })}>
          加入社群
        </ActionButton>
      </View>
      {currentMembership && hasRoleAtLeast(currentMembership.role, 'owner') && (
        <ActionButton
          className="owner-settings-entry"
          onClick={() => Taro.navigateTo({ url: pagePaths.settings })}
        >
          社群设置
        </ActionButton>
      )}
      {currentMembership && hasRoleAtLeast(currentMembership.role, 'admin') && (
        <ActionButton
          className="tag-curation-entry"
          onClick={() => Taro.navigateTo({ url: pagePaths.tagCuration })}
        >
          标签管理
        </ActionButton>
      )}
      {currentMembership && hasRoleAtLeast(currentMembership.role, 'admin') && (
        <ActionButton
          className="dashboard-entry"
          onClick={() => Taro.navigateTo({ url: pagePaths.dashboard })}
        >
          社群看板
        </ActionButton>
      )}
      {currentMembership && isTeamRole(currentMembership.role) && (
        <>
          <ActionButton className="members-entry" onClick={() => Taro.navigateTo({ url: pagePaths.members })}>
            成员与导出
          </ActionButton>
          <ActionButton className="reports-entry" onClick={() => Taro.navigateTo({ url: pagePaths.reports })}>
            举报处理
          </ActionButton>
          <ActionButton className="welcome-entry" onClick={() => Taro.navigateTo({ url: pagePaths.welcome })}>
            新人欢迎
          </ActionButton>
        </>
      )}
      {currentMembership && <LeaveCommunityButton membership={currentMembership} />}
      <ActionButton
        className="privacy-guide-entry"
        onClick={() => Taro.navigateTo({ url: pagePaths.privacyGuide })}
      >
        隐私保护指引
      </ActionButton>
      <ActionButton className="logout" onClick={logout}>
        退出登录
      </ActionButton>
    </>
  );
}

export default function MePage() {
  return (
    <View className="page">
      <SignInGate>
        <MeContent />
      </SignInGate>
    </View>
  );
}
