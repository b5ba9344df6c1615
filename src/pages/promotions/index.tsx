import { View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { NoCommunityChoice } from '@/features/communities/components/no-community-choice';
import { useMyRole } from '@/features/communities/hooks/use-my-role';
import { ReportLink } from '@/features/moderation/components/report-link';
import { PromotionsTab } from '@/features/promotions/components/promotions-tab';
import { useLoginSession } from '@/lib/login-session';
import { enableShareTicket } from '@/lib/share-menu';

function PromotionsContent() {
  const myUserId = useLoginSession((state) => state.user?.id);
  const memberships = useLoginSession((state) => state.memberships);
  const role = useMyRole();
  // Without a community, what to do next (create or join one), as on the other tabs.
  if (memberships?.length === 0) return <NoCommunityChoice />;
  return (
    <PromotionsTab
      role={role}
      cardAction={(promotion) =>
        promotion.author.id !== myUserId && (
          <ReportLink
            communityId={promotion.communityId}
            target={{ targetKind: 'promotion', targetId: promotion.id }}
            className="promotion-report"
          />
        )
      }
    />
  );
}

export default function PromotionsPage() {
  useLoad(enableShareTicket);
  return (
    <View className="page promotions">
      <SignInGate>
        <PromotionsContent />
      </SignInGate>
    </View>
  );
}
