import { Text, View } from '@tarojs/components';
import { ActionButton } from '@/components/action-button';
import type { AttendanceView } from '@/domain/contract/sessions';
import { appTimeZone, dayjs } from '@/lib/dayjs';
import { useSubmit } from '@/lib/use-submit';
import { openCheckIn } from '../api/get-attendance';
import '../sessions.scss';

const statusLabels = { confirmed: '已报名', offered: '待确认', waitlisted: '候补' } as const;

/** The host's view: the code to read out, who is present, and the feedback average. */
export function AttendancePanel({
  attendance,
  onChanged,
}: {
  attendance: AttendanceView;
  onChanged: () => Promise<void> | void;
}) {
  const { busy, run } = useSubmit();
  const confirmed = attendance.attendees.filter((a) => a.status === 'confirmed');
  const others = attendance.attendees.filter((a) => a.status !== 'confirmed');

  function open() {
    run(async () => {
      await openCheckIn(attendance.sessionId);
      await onChanged();
    });
  }

  const window = `${dayjs(attendance.checkInOpensAt).tz(appTimeZone).format('M月D日 HH:mm')} - ${dayjs(attendance.checkInClosesAt).tz(appTimeZone).format('HH:mm')}`;
  return (
    <View className="attendance">
      <View className="card check-in-code-card">
        <Text className="label">签到码</Text>
        {attendance.checkInCode ? (
          <Text className="check-in-code">{attendance.checkInCode}</Text>
        ) : (
          <Text className="hint">{`签到时间 ${window}，到时打开签到码念给大家。`}</Text>
        )}
        <ActionButton variant="primary" className="open-check-in" loading={busy} onClick={open}>
          {attendance.checkInCode ? '换一个签到码' : '打开签到'}
        </ActionButton>
      </View>
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
      {[...confirmed, ...others].map((attendee) => (
        <View key={attendee.userId} className="card attendee">
          <Text className="attendee__name">
            {attendee.guests > 0 ? `${attendee.nickname} +${attendee.guests}` : attendee.nickname}
          </Text>
          <Text className={`attendee__status ${attendee.checkedInAt ? 'is-present' : ''}`}>
            {attendee.checkedInAt ? '已签到' : statusLabels[attendee.status]}
          </Text>
        </View>
      ))}
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
