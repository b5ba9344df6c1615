import { View } from '@tarojs/components';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { InboxList } from '@/features/inbox/components/inbox-list';

export default function InboxPage() {
  return (
    <View className="page">
      <SignInGate>
        <InboxList />
      </SignInGate>
    </View>
  );
}
