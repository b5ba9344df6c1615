import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { messageFor } from '@/domain/error-codes';
import { isTeamRole } from '@/domain/roles';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { useCurrentCommunity } from '@/features/communities/hooks/use-current-community';
import { useReports } from '@/features/moderation/api/reports';
import { ReportQueue } from '@/features/moderation/components/report-queue';

/** The team's report queue (举报处理): members' reports of tips, notes and promotions. */
function Reports() {
  const current = useCurrentCommunity();
  const community = current.status === 'ready' ? current.community : null;
  const team = community !== null && isTeamRole(community.myRole);
  const reports = useReports(team ? community.id : null);
  usePullDownRefresh(async () => {
    await reports.reload();
    Taro.stopPullDownRefresh();
  });

  if (current.status === 'loading') return <SkeletonCard lines={4} />;
  if (current.status === 'error') return <LoadError error={current.error} onRetry={current.reload} />;
  if (!community || !team)
    return (
      <View className="card">
        <Text className="hint">{messageFor('FORBIDDEN')}</Text>
      </View>
    );
  return (
    <>
      <Text className="hint reports-page__intro">
        隐藏后，内容只有作者和群主、管理员、秘书能看到；移出作者只有群主和管理员可以操作。
      </Text>
      <ReportQueue reports={reports} myRole={community.myRole} />
    </>
  );
}

export default function ReportsPage() {
  return (
    <View className="page reports-page">
      <SignInGate>
        <Reports />
      </SignInGate>
    </View>
  );
}
