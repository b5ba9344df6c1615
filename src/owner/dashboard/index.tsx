import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { useDashboard } from '@/features/dashboard/api/get-dashboard';
import { DashboardPanel } from '@/features/dashboard/components/dashboard-panel';
import { useLoginSession } from '@/lib/login-session';

function Dashboard() {
  const communityId = useLoginSession((state) => state.currentCommunityId);
  const dashboard = useDashboard(communityId);
  usePullDownRefresh(async () => {
    await dashboard.reload();
    Taro.stopPullDownRefresh();
  });
  if (!communityId) return <View className="card dashboard-empty">先在「我的」里选择一个社群</View>;
  if (dashboard.error) return <LoadError error={dashboard.error} onRetry={dashboard.reload} />;
  if (!dashboard.data) {
    return (
      <>
        <SkeletonCard lines={4} />
        <SkeletonCard lines={4} />
      </>
    );
  }
  return <DashboardPanel dashboard={dashboard.data} />;
}

export default function DashboardPage() {
  return (
    <View className="page dashboard-page">
      <SignInGate>
        <Dashboard />
      </SignInGate>
    </View>
  );
}
