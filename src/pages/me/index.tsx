import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/action-button';
import { LinkCell } from '@/components/link-cell';
import { LoadError } from '@/components/load-error';
import { pagePaths, tipPath } from '@/domain/page-paths';
import { hasRoleAtLeast, isTeamRole, type Role } from '@/domain/roles';
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

/** The team's tools, each from the lowest role that may use it, in the order a 群主 reaches for them. */
const teamTools: { label: string; className: string; url: string; from: Role }[] = [
  { label: '社群设置', className: 'owner-settings-entry', url: pagePaths.settings, from: 'owner' },
  { label: '社群看板', className: 'dashboard-entry', url: pagePaths.dashboard, from: 'admin' },
  { label: '标签管理', className: 'tag-curation-entry', url: pagePaths.tagCuration, from: 'admin' },
  { label: '成员与导出', className: 'members-entry', url: pagePaths.members, from: 'secretary' },
  { label: '举报处理', className: 'reports-entry', url: pagePaths.reports, from: 'secretary' },
  { label: '新人欢迎', className: 'welcome-entry', url: pagePaths.welcome, from: 'secretary' },
];

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
      {currentMembership && isTeamRole(currentMembership.role) && (
        <>
          <View className="section-title">社群管理</View>
          <View className="card list team-tools">
            {teamTools
              .filter((tool) => hasRoleAtLeast(currentMembership.role, tool.from))
              .map((tool) => (
                <LinkCell key={tool.url} label={tool.label} className={tool.className} url={tool.url} />
              ))}
          </View>
        </>
      )}
      {currentMembership && <LeaveCommunityButton membership={currentMembership} />}
      <View className="card list">
        <LinkCell label="账号与隐私" className="account-entry" url={pagePaths.account} />
        <LinkCell label="隐私保护指引" className="privacy-guide-entry" url={pagePaths.privacyGuide} />
      </View>
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
