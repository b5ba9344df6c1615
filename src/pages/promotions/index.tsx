import { View } from '@tarojs/components';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { PromotionsTab } from '@/features/promotions/components/promotions-tab';

export default function PromotionsPage() {
  return (
    <View className="page promotions">
      <SignInGate>
        <PromotionsTab />
      </SignInGate>
    </View>
  );
}
