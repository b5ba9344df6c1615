import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { useAttendance } from '@/features/sessions/api/get-attendance';
import { AttendancePanel } from '@/features/sessions/components/attendance-panel';

function Attendance({ sessionId }: { sessionId: string }) {
  const attendance = useAttendance(sessionId);
  usePullDownRefresh(async () => {
    await attendance.reload();
    Taro.stopPullDownRefresh();
  });
  if (attendance.error) return <LoadError error={attendance.error} onRetry={attendance.reload} />;
  if (!attendance.data) return <SkeletonCard lines={4} />;
  return <AttendancePanel attendance={attendance.data} onChanged={attendance.reload} />;
}

export default function AttendancePage() {
  const { params } = useRouter();
  return (
    <View className="page attendance-page">
      <SignInGate>{params.id ? <Attendance sessionId={params.id} /> : <SkeletonCard />}</SignInGate>
    </View>
  );
}
