import { View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { PromotionsTab } from '@/features/promotions/components/promotions-tab';
import { enableShareTicket } from '@/lib/share-menu';

export default function PromotionsPage() {
  useLoad(enableShareTicket);
  return (
    <View className="page promotions">
      <SignInGate>
        <PromotionsTab />
      </SignInGate>
    </View>
  );
}
