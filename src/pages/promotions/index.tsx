import { View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { ReportButton } from '@/features/moderation/components/report-button';
import { PromotionsTab } from '@/features/promotions/components/promotions-tab';
import { useLoginSession } from '@/lib/login-session';
import { enableShareTicket } from '@/lib/share-menu';

export default function PromotionsPage() {
  useLoad(enableShareTicket);
  const myUserId = useLoginSession((state) => state.user?.id);
  return (
    <View className="page promotions">
      <SignInGate>
        <PromotionsTab
          cardAction={(promotion) =>
            promotion.author.id !== myUserId && (
              <ReportButton
                communityId={promotion.communityId}
                target={{ targetKind: 'promotion', targetId: promotion.id }}
                className="promotion-report"
              />
            )
          }
        />
      </SignInGate>
    </View>
  );
}
