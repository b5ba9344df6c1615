import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { useMemberProfile } from '@/features/profiles/api/get-member-profile';
import { MemberProfile } from '@/features/profiles/components/member-profile';
import { useSessionStore } from '@/lib/session-store';

function MemberProfileContent() {
  const { params } = useRouter();
  const communityId = useSessionStore((state) => state.currentCommunityId);
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
