import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { TransferOwnershipButton } from '@/features/communities/components/transfer-ownership-button';
import { useMyRole } from '@/features/communities/hooks/use-my-role';
import { useMemberProfile } from '@/features/profiles/api/get-member-profile';
import { MemberProfile } from '@/features/profiles/components/member-profile';
import { useLoginSession } from '@/lib/login-session';

function MemberProfileContent() {
  const { params } = useRouter();
  const communityId = useLoginSession((state) => state.currentCommunityId);
  const profile = useMemberProfile(communityId, params.userId);
  usePullDownRefresh(async () => {
    await profile.reload();
    Taro.stopPullDownRefresh();
  });
  const role = useMyRole();
  const myUserId = useLoginSession((state) => state.user?.id);
  const member = profile.data;
  return (
    <>
      <MemberProfile profile={profile} />
      {communityId && member && role === 'owner' && member.userId !== myUserId && (
        <TransferOwnershipButton
          communityId={communityId}
          member={member}
          onTransferred={() => Taro.navigateBack()}
        />
      )}
    </>
  );
}

export default function MemberProfilePage() {
  return (
    <View className="page">
      <SignInGate>
        <MemberProfileContent />
      </SignInGate>
    </View>
  );
}
