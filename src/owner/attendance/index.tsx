import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { exportFileName } from '@/domain/exports';
import { isTeamRole } from '@/domain/roles';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { useMyRole } from '@/features/communities/hooks/use-my-role';
import { sessionExportPath } from '@/features/exports/api/open-spreadsheet';
import { ExportButton } from '@/features/exports/components/export-button';
import { QrCode } from '@/features/qr-code/components/qr-code';
import { useAttendance } from '@/features/sessions/api/get-attendance';
import { useSession } from '@/features/sessions/api/get-session';
import { AttendancePanel } from '@/features/sessions/components/attendance-panel';
import { useRotatingCode } from '@/features/sessions/use-rotating-code';

/** The code members scan, changing every 30 seconds while check-in is open. */
function HostCheckInQr({ sessionId, active }: { sessionId: string; active: boolean }) {
  const { token, error } = useRotatingCode(sessionId, active);
  if (!active) return null;
  return (
    <View className="check-in-qr">
      {token ? (
        <QrCode text={token} />
      ) : (
        <Text className="hint">
          {error ? '签到二维码暂时取不到，成员可以输入签到码' : '正在生成签到二维码…'}
        </Text>
      )}
    </View>
  );
}

/** The team (not a host who is a plain member) may take the sign-ups away as a spreadsheet. */
function ExportSignups({ sessionId }: { sessionId: string }) {
  const session = useSession(sessionId);
  const communityId = session.data?.communityId;
  const role = useMyRole(communityId ?? null);
  if (!session.data || !role || !isTeamRole(role)) return null;
  return (
    <View className="button-row">
      <ExportButton
        className="export-signups"
        label="导出报名与签到表"
        path={sessionExportPath(sessionId)}
        fileName={exportFileName('session_signups', session.data.title)}
      />
    </View>
  );
}

function Attendance({ sessionId }: { sessionId: string }) {
  const attendance = useAttendance(sessionId);
  usePullDownRefresh(async () => {
    await attendance.reload();
    Taro.stopPullDownRefresh();
  });
  if (attendance.error) return <LoadError error={attendance.error} onRetry={attendance.reload} />;
  if (!attendance.data) return <SkeletonCard lines={4} />;
  const open =
    attendance.data.checkInCode !== null && Date.now() < Date.parse(attendance.data.checkInClosesAt);
  return (
    <>
      <AttendancePanel
        attendance={attendance.data}
        onChanged={attendance.reload}
        qrCode={<HostCheckInQr sessionId={sessionId} active={open} />}
      />
      <ExportSignups sessionId={sessionId} />
    </>
  );
}

export default function AttendancePage() {
  const { params } = useRouter();
  return (
    <View className="page attendance-page">
      <SignInGate>{params.id ? <Attendance sessionId={params.id} /> : <SkeletonCard />}</SignInGate>
    </View>
  );
}
