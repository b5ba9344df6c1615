import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import type { MyCheckInPassView } from '@/domain/contract/sessions';
import { messageFor } from '@/domain/error-codes';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { QrCode } from '@/features/qr-code/components/qr-code';
import { useMyCheckInPass } from '@/features/sessions/api/get-check-in-pass';
import { appTimeZone, dayjs } from '@/lib/dayjs';
import './index.scss';

/** Why there is no pass, said for this page. */
const noPassText: Record<NonNullable<MyCheckInPassView['noPass']>, string> = {
  NOT_ATTENDEE: '报名成功后，这里会有你的签到码',
  SESSION_CANCELLED: messageFor('SESSION_CANCELLED'),
  CHECK_IN_NOT_OPEN: '签到已结束，签到码不再有效',
};

function CheckInPass({ sessionId }: { sessionId: string }) {
  const pass = useMyCheckInPass(sessionId);
  usePullDownRefresh(async () => {
    await pass.reload();
    Taro.stopPullDownRefresh();
  });
  if (pass.error) return <LoadError error={pass.error} onRetry={pass.reload} />;
  if (!pass.data) return <SkeletonCard lines={6} />;
  if (!pass.data.pass) {
    return (
      <View className="card check-in-pass">
        <Text className="hint check-in-pass__none">{noPassText[pass.data.noPass ?? 'NOT_ATTENDEE']}</Text>
      </View>
    );
  }
  const { token, nickname, guests, checkedIn, validFrom, validUntil } = pass.data.pass;
  const time = (iso: string) => dayjs(iso).tz(appTimeZone).format('HH:mm');
  return (
    <View className="card check-in-pass">
      <Text className="check-in-pass__who">{guests > 0 ? `${nickname} +${guests}` : nickname}</Text>
      {checkedIn ? (
        <Text className="check-in-pass__done">已签到</Text>
      ) : (
        <Text className="hint">请主持人用「扫码签到成员」扫这个码</Text>
      )}
      <QrCode text={token} />
      <Text className="hint check-in-pass__valid">{`签到时间 ${time(validFrom)} - ${time(validUntil)} 有效，只能用于这场活动`}</Text>
    </View>
  );
}

/** A confirmed member's own code: the host scans it and checks them (and their guests) in. */
export default function CheckInPassPage() {
  const { params } = useRouter();
  return (
    <View className="page check-in-pass-page">
      <SignInGate>{params.id ? <CheckInPass sessionId={params.id} /> : <SkeletonCard />}</SignInGate>
    </View>
  );
}
