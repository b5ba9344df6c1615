import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type ReactNode, useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { attendanceRecordText } from '@/domain/attendance-record';
import { parseScannedCode } from '@/domain/check-in-scan';
import type { AttendanceView, AttendeeView } from '@/domain/contract/sessions';
import { messageFor } from '@/domain/error-codes';
import { appTimeZone, dayjs } from '@/lib/dayjs';
import { useSubmit } from '@/lib/use-submit';
import { checkInAttendee, unlockCheckIn } from '../api/attendee-check-in';
import { openCheckIn } from '../api/get-attendance';
import { checkInWithPass } from '../api/scan-check-in';
import { canScanQrCode, scanQrCode } from '../scan-qr-code';
import '../sessions.scss';

const statusLabels = { confirmed: '已报名', offered: '待确认', waitlisted: '候补' } as const;

function statusOf(attendee: AttendeeView): { text: string; className: string } {
  if (attendee.checkedInAt && attendee.checkedInGuests !== null && attendee.guests > 0) {
    return { text: `已签到（到了 ${1 + attendee.checkedInGuests} 人）`, className: 'is-present' };
  }
  if (attendee.checkedInAt) return { text: '已签到', className: 'is-present' };
  if (attendee.checkInLocked) return { text: '签到码输错太多次', className: 'is-locked' };
  return { text: statusLabels[attendee.status], className: '' };
}

function toast(title: string) {
  Taro.showToast({ title, icon: 'none', duration: 2500 });
}

/** Who the scanned pass belongs to, and how many of their guests came (the host's count). */
function PassCheckIn({
  attendee,
  busy,
  onConfirm,
  onCancel,
}: {
  attendee: AttendeeView;
  busy: boolean;
  onConfirm: (guests: number) => void;
  onCancel: () => void;
}) {
  const [guests, setGuests] = useState(attendee.guests);
  const choices = Array.from({ length: attendee.guests + 1 }, (_, count) => count);
  return (
    <View className="card pass-scan">
      <Text className="pass-scan__who">
        {attendee.guests > 0 ? `${attendee.nickname} +${attendee.guests}` : attendee.nickname}
      </Text>
      {attendee.checkedInAt && <Text className="hint">已签到，可以改到场的朋友人数</Text>}
      {attendee.guests > 0 && (
        <View className="guest-picker">
          <Text className="label">到场的朋友</Text>
          <View className="guest-picker__options">
            {choices.map((count) => (
              <Text
                key={count}
                className={`guest-option ${guests === count ? 'is-selected' : ''}`}
                onClick={() => setGuests(count)}
              >
                {count === 0 ? '没来' : `${count} 位`}
              </Text>
            ))}
          </View>
        </View>
      )}
      <ActionButton
        variant="primary"
        className="pass-scan__confirm"
        loading={busy}
        onClick={() => onConfirm(guests)}
      >
        {`确认签到（${1 + guests} 人）`}
      </ActionButton>
      <ActionButton className="pass-scan__cancel" disabled={busy} onClick={onCancel}>
        取消
      </ActionButton>
    </View>
  );
}

/**
 * The host's view: the code to read out, who is present, and the feedback average. A confirmed
 * attendee who cannot use the code (locked out after wrong codes, no phone at hand) is checked in
 * here by hand, and a lockout can be lifted so they can try the code again.
 */
export function AttendancePanel({
  attendance,
  onChanged,
  qrCode,
}: {
  attendance: AttendanceView;
  onChanged: () => Promise<void> | void;
  /** The host's rotating code for members to scan (the page draws it, from a subpackage). */
  qrCode?: ReactNode;
}) {
  const { busy, run } = useSubmit();
  const [scanned, setScanned] = useState<{ token: string; attendee: AttendeeView } | null>(null);
  const confirmed = attendance.attendees.filter((a) => a.status === 'confirmed');
  const others = attendance.attendees.filter((a) => a.status !== 'confirmed');

  function open() {
    run(async () => {
      await openCheckIn(attendance.sessionId);
      await onChanged();
    });
  }

  function act(change: (sessionId: string, userId: string) => Promise<unknown>, userId: string) {
    run(async () => {
      await change(attendance.sessionId, userId);
      await onChanged();
    });
  }

  /** 扫码签到成员: whose pass it is comes from the list already here; the server checks the pass itself. */
  function scanPass() {
    run(async () => {
      const token = await scanQrCode();
      if (!token) return;
      const code = parseScannedCode(token);
      if (code?.kind !== 'pass') return toast(messageFor('CHECK_IN_PASS_INVALID'));
      if (code.sessionId !== attendance.sessionId) return toast(messageFor('CHECK_IN_PASS_OTHER_SESSION'));
      const attendee = confirmed.find((a) => a.userId === code.userId);
      if (!attendee) return toast(messageFor('ATTENDEE_NOT_FOUND'));
      setScanned({ token, attendee });
    });
  }

  function confirmPass(guests: number) {
    if (!scanned) return;
    run(async () => {
      await checkInWithPass(attendance.sessionId, scanned.token, guests);
      // The name may be long: a success icon would cut the toast to seven characters.
      toast(`${scanned.attendee.nickname} 已签到`);
      setScanned(null);
      await onChanged();
    });
  }

  const now = Date.now();
  const checkInStarted = now >= Date.parse(attendance.checkInOpensAt);
  const checkInOver = now >= Date.parse(attendance.checkInClosesAt);

  const window = `${dayjs(attendance.checkInOpensAt).tz(appTimeZone).format('M月D日 HH:mm')} - ${dayjs(attendance.checkInClosesAt).tz(appTimeZone).format('HH:mm')}`;
  return (
    <View className="attendance">
      <View className="card check-in-code-card">
        <Text className="label">签到码</Text>
        {attendance.checkInCode ? (
          <>
            {!checkInOver && qrCode}
            <Text className="check-in-code">{attendance.checkInCode}</Text>
            {!checkInOver && <Text className="hint">成员扫上面的码签到，或输入这 4 位签到码</Text>}
          </>
        ) : (
          <Text className="hint">{`签到时间 ${window}，到时打开签到码念给大家。`}</Text>
        )}
        {attendance.checkInCode ? (
          <ActionButton className="open-check-in" loading={busy} disabled={checkInOver} onClick={open}>
            换一个签到码
          </ActionButton>
        ) : (
          <>
            <ActionButton
              variant="primary"
              className="open-check-in"
              loading={busy}
              disabled={!checkInStarted || checkInOver}
              onClick={open}
            >
              打开签到
            </ActionButton>
            {!checkInStarted && <Text className="hint open-check-in__why">签到时间到了才能打开</Text>}
            {checkInOver && <Text className="hint open-check-in__why">签到时间已过</Text>}
          </>
        )}
      </View>
      {checkInStarted && !checkInOver && canScanQrCode() && !scanned && (
        <View className="button-row">
          <ActionButton className="scan-pass" loading={busy} onClick={scanPass}>
            扫码签到成员
          </ActionButton>
        </View>
      )}
      {scanned && (
        <PassCheckIn
          key={scanned.token}
          attendee={scanned.attendee}
          busy={busy}
          onConfirm={confirmPass}
          onCancel={() => setScanned(null)}
        />
      )}
      <View className="card attendance-summary">
        <Text className="attendance-count">{`已签到 ${attendance.checkedInCount} / ${confirmed.length}`}</Text>
        <Text className="attendance-rating">
          {attendance.averageRating === null
            ? '还没有评价'
            : `平均评分 ${attendance.averageRating}（${attendance.feedbackCount} 人）`}
        </Text>
      </View>
      <View className="section-title">报名名单</View>
      {attendance.attendees.length === 0 && (
        <View className="card empty-state">
          <Text className="hint">还没有人报名，把活动分享到群里吧。</Text>
        </View>
      )}
      {[...confirmed, ...others].map((attendee) => {
        const status = statusOf(attendee);
        const waitingForCheckIn = attendee.status === 'confirmed' && !attendee.checkedInAt;
        return (
          <View key={attendee.userId} className="card attendee">
            <View className="attendee__who">
              <Text className="attendee__name">
                {attendee.guests > 0 ? `${attendee.nickname} +${attendee.guests}` : attendee.nickname}
              </Text>
              <Text className="attendee__record">{attendanceRecordText(attendee.record)}</Text>
              {attendee.record.gentleRule?.heldBack && (
                <Text className="attendee__held-back">缺席较多，报名先候补</Text>
              )}
            </View>
            <View className="attendee__side">
              <Text className={`attendee__status ${status.className}`}>{status.text}</Text>
              {waitingForCheckIn && attendee.checkInLocked && (
                <ActionButton
                  variant="mini"
                  className="attendee__unlock"
                  disabled={busy}
                  onClick={() => act(unlockCheckIn, attendee.userId)}
                >
                  解除锁定
                </ActionButton>
              )}
              {waitingForCheckIn && checkInStarted && (
                <ActionButton
                  variant="mini"
                  className="attendee__check-in"
                  disabled={busy}
                  onClick={() => act(checkInAttendee, attendee.userId)}
                >
                  手动签到
                </ActionButton>
              )}
            </View>
          </View>
        );
      })}
      {attendance.comments.length > 0 && <View className="section-title">评价</View>}
      {attendance.comments.map((comment) => (
        <View key={comment.nickname} className="card feedback-comment">
          <Text className="feedback-comment__head">{`${comment.nickname} · ${'★'.repeat(comment.rating)}`}</Text>
          <Text className="feedback-comment__text">{comment.comment}</Text>
        </View>
      ))}
    </View>
  );
}
