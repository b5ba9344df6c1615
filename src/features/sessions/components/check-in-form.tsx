import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { FormReason, useTouched } from '@/components/form-reason';
import type { SessionView } from '@/domain/contract/sessions';
import { pagePaths, pageUrl } from '@/domain/page-paths';
import { isCheckInOpen, isWellFormedCheckInCode, sessionLimits } from '@/domain/sessions';
import { useSubmit } from '@/lib/use-submit';
import { checkIn } from '../api/check-in';
import { checkInWithHostCode } from '../api/scan-check-in';
import { canScanQrCode, scanQrCode } from '../scan-qr-code';

/**
 * 签到: shown to confirmed members around the session time. In WeChat they scan the code on the
 * host's phone (扫码签到); the 4-digit code the host reads out works everywhere, the browser included.
 * 我的签到码 shows their own code for the host to scan instead.
 */
export function CheckInForm({
  session,
  onChanged,
}: {
  session: SessionView;
  onChanged: () => Promise<void> | void;
}) {
  const [code, setCode] = useState('');
  const { busy, run } = useSubmit();
  const codeTouched = useTouched([code]);
  const codeNeeded = `请输入 ${sessionLimits.checkInCodeLength} 位签到码`;
  const mine = session.mySignup;
  if (mine?.status !== 'confirmed' || session.status === 'cancelled') return null;
  if (mine.checkedIn) {
    return (
      <View className="card check-in">
        <Text className="check-in__done">已签到</Text>
      </View>
    );
  }
  const slot = { startsAt: new Date(session.startsAt), durationMinutes: session.durationMinutes };
  if (!isCheckInOpen(new Date(), slot)) return null;

  function scan() {
    run(async () => {
      const token = await scanQrCode();
      if (!token) return;
      await checkInWithHostCode(session.id, token);
      Taro.showToast({ title: '签到成功', icon: 'success' });
      await onChanged();
    });
  }

  function openPass() {
    Taro.navigateTo({ url: pageUrl(pagePaths.checkInPass, { id: session.id }) });
  }

  function submit() {
    run(async () => {
      await checkIn(session.id, code);
      Taro.showToast({ title: '签到成功', icon: 'success' });
      await onChanged();
    });
  }

  return (
    <View className="card check-in">
      <Text className="label">签到</Text>
      {canScanQrCode() && (
        <ActionButton variant="primary" className="check-in__scan" loading={busy} onClick={scan}>
          扫码签到
        </ActionButton>
      )}
      <Input
        className="check-in__code"
        type="number"
        maxlength={sessionLimits.checkInCodeLength}
        placeholder="输入主持人给的 4 位签到码"
        value={code}
        onInput={(event) => setCode(event.detail.value)}
      />
      <FormReason
        problem={isWellFormedCheckInCode(code) ? null : codeNeeded}
        touched={codeTouched}
        needs={codeNeeded}
      />
      <ActionButton
        variant={canScanQrCode() ? 'default' : 'primary'}
        className="check-in__submit"
        loading={busy}
        disabled={!isWellFormedCheckInCode(code) || busy}
        onClick={submit}
      >
        签到
      </ActionButton>
      <Text className="link check-in__pass" onClick={openPass}>
        我的签到码（给主持人扫）
      </Text>
    </View>
  );
}
