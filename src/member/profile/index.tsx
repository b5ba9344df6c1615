import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
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
  return <MemberProfile profile={profile} />;
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
