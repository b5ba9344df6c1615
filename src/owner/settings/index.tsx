import { Text, View } from '@tarojs/components';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { messageFor } from '@/domain/error-codes';
import { hasRoleAtLeast } from '@/domain/roles';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { useCommunity } from '@/features/communities/api/get-community';
import { CommunitySettingsForm } from '@/features/communities/components/community-settings-form';
import { GentleRuleSwitch } from '@/features/communities/components/gentle-rule-switch';
import { InviteCodePanel } from '@/features/communities/components/invite-code-panel';
import { JoinApprovalSwitch } from '@/features/communities/components/join-approval-switch';
import { LateCancelSetting } from '@/features/communities/components/late-cancel-setting';
import { MemberList } from '@/features/communities/components/member-list';
import { WechatGroupPanel } from '@/features/communities/components/wechat-group-panel';
import { useLoginSession } from '@/lib/login-session';

function OwnerSettings() {
  const communityId = useLoginSession((state) => state.currentCommunityId);
  const myUserId = useLoginSession((state) => state.user?.id);
  const community = useCommunity(communityId);

  if (community.error) return <LoadError error={community.error} onRetry={community.reload} />;
  if (!community.data || !myUserId) return <SkeletonCard lines={5} />;
  if (!hasRoleAtLeast(community.data.myRole, 'owner')) {
    return (
      <View className="card">
        <Text className="hint">{messageFor('OWNER_ROLE_REQUIRED')}</Text>
      </View>
    );
  }

  return (
    <>
      <View className="section-title">社群资料</View>
      <CommunitySettingsForm community={community.data} onSaved={() => community.reload()} />
      {community.data.inviteCode && (
        <InviteCodePanel communityId={community.data.id} inviteCode={community.data.inviteCode} />
      )}
      <View className="section-title">入群方式</View>
      <JoinApprovalSwitch community={community.data} onSaved={() => community.reload()} />
      <View className="section-title">签到记录</View>
      <LateCancelSetting community={community.data} onSaved={() => community.reload()} />
      <GentleRuleSwitch community={community.data} onSaved={() => community.reload()} />
      <View className="section-title">微信群</View>
      <WechatGroupPanel community={community.data} onSaved={() => community.reload()} />
      <View className="section-title">成员与角色</View>
      <MemberList communityId={community.data.id} myUserId={myUserId} />
    </>
  );
}

export default function OwnerSettingsPage() {
  return (
    <View className="page owner-settings">
      <SignInGate>
        <OwnerSettings />
      </SignInGate>
    </View>
  );
}
