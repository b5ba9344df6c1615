import { View } from '@tarojs/components';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { CreateCommunityForm } from '@/features/communities/components/create-community-form';

export default function CommunityCreatePage() {
  return (
    <View className="page">
      <SignInGate>
        <CreateCommunityForm />
      </SignInGate>
    </View>
  );
}
