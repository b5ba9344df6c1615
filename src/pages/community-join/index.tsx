import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { JoinCommunity } from '@/features/communities/components/join-community';

function param(value: string | undefined): string | undefined {
  return value ? decodeURIComponent(value) : undefined;
}

/**
 * Opened from the join button or a share card: `code` prefills the invite code, `community` names
 * the community of a member's card, `inviter` is the member who shared it.
 */
export default function CommunityJoinPage() {
  const { params } = useRouter();
  return (
    <View className="page">
      <SignInGate>
        <JoinCommunity
          code={param(params.code)}
          communityId={param(params.community)}
          inviterId={param(params.inviter)}
        />
      </SignInGate>
    </View>
  );
}
