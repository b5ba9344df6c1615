import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { JoinCommunity } from '@/features/communities/components/join-community';
import { invitationFrom } from '@/features/communities/components/join-prompt';

/**
 * Opened from the join button or a share card: `code` prefills the invite code, `community` names
 * the community of a member's card, `inviter` is the member who shared it.
 */
export default function CommunityJoinPage() {
  const invitation = invitationFrom(useRouter().params);
  return (
    <View className="page">
      <SignInGate>
        <JoinCommunity
          code={invitation.code}
          communityId={invitation.community}
          inviterId={invitation.inviter}
        />
      </SignInGate>
    </View>
  );
}
