import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { JoinCommunityForm } from '@/features/communities/components/join-community-form';

/** Opened from the join button or a share card (`?code=XXXXXX` prefills the invite code). */
export default function CommunityJoinPage() {
  const { params } = useRouter();
  const code = params.code ? decodeURIComponent(params.code) : '';
  return (
    <View className="page">
      <SignInGate>
        <JoinCommunityForm initialCode={code} />
      </SignInGate>
    </View>
  );
}
