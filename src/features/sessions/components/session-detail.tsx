import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/action-button';
import type { SessionView } from '@/domain/contract/sessions';
import { gentleRuleLineText } from '@/domain/gentle-rule';
import { reminderLabel, remindersAhead, waitlistRuleText } from '@/domain/sessions';
import { withPermission } from '@/lib/device-permission';
import { showErrorToast } from '@/lib/show-error-toast';
import { cancelSession } from '../api/cancel-session';
import { seatsClass, seatsText, sessionTimeRange } from '../session-text';
import { CheckInForm } from './check-in-form';
import { FeedbackForm } from './feedback-form';
import { SignupPanel } from './signup-panel';
import '../session-card.scss';
import '../sessions.scss';
import { attendancePath, sessionEditorPath } from '@/domain/page-paths';

function ManageBar({ session, onChanged }: { session: SessionView; onChanged: () => Promise<void> | void }) {
  async function cancel() {
    const answer = await Taro.showModal({
      title: '取消活动？',
      content: '所有报名和候补的成员都会收到通知，报名随之结束。',
    });
    if (!answer.confirm) return;
    try {
      await cancelSession(session.id);
      Taro.showToast({ title: '活动已取消', icon: 'none' });
      await onChanged();
    } catch (error) {
      showErrorToast(error);
    }
  }
  return (
    <View className="button-row session-manage">
      <ActionButton
        variant="mini"
        className="session-attendance-entry"
        onClick={() => Taro.navigateTo({ url: attendancePath(session.id) })}
      >
        签到与出勤
      </ActionButton>
      {session.status === 'scheduled' && (
        <>
          <ActionButton
            variant="mini"
            className="session-edit"
            onClick={() => Taro.navigateTo({ url: sessionEditorPath(session.id) })}
          >
            编辑
          </ActionButton>
          <ActionButton variant="mini" className="session-cancel" onClick={cancel}>
            取消活动
          </ActionButton>
        </>
      )}
    </View>
  );
}

/** The session page: when, where, who hosts, what to prepare, then my sign-up, check-in and feedback. */
export function SessionDetail({
  session,
  onChanged,
}: {
  session: SessionView;
  onChanged: () => Promise<void> | void;
}) {
  const place = session.mode === 'online' ? session.meetingLink : session.address;
  const linkHidden = session.mode === 'online' && session.attendeeDetailsHidden;
  const reminders = remindersAhead(new Date(session.startsAt), session.reminderOffsets, new Date());
  return (
    <View className="session-detail">
      <View className="card">
        <Text className="title session-title">{session.title}</Text>
        <Text className="session-time">{sessionTimeRange(session.startsAt, session.durationMinutes)}</Text>
        {session.series && <Text className="session-series">{session.series.text}</Text>}
        <Text className="label">{session.mode === 'online' ? '线上 · 会议链接' : '线下 · 地址'}</Text>
        {linkHidden ? (
          <Text className="session-place is-hidden">报名成功后可见</Text>
        ) : (
          <Text
            className="session-place"
            selectable
            onClick={() => place && withPermission('clipboard', () => Taro.setClipboardData({ data: place }))}
          >
            {place}
          </Text>
        )}
        <Text className="label">主持人</Text>
        <Text className="session-host">{session.host.nickname}</Text>
        <Text className="label">名额</Text>
        <Text className={seatsClass(session)}>{`${seatsText(session)}（共 ${session.capacity} 个）`}</Text>
        {session.status === 'scheduled' && <Text className="hint waitlist-rule">{waitlistRuleText}</Text>}
        {session.status === 'scheduled' && session.gentleRule && (
          <Text className="hint gentle-rule-line">{gentleRuleLineText}</Text>
        )}
        {session.tags.length > 0 && (
          <View className="session-card__meta">
            {session.tags.map((tag) => (
              <Text key={tag} className="session-tag">
                #{tag}
              </Text>
            ))}
          </View>
        )}
      </View>
      {session.description && (
        <View className="card">
          <Text className="label">活动介绍</Text>
          <Text className="session-description">{session.description}</Text>
        </View>
      )}
      {session.materials.length > 0 && (
        <View className="card session-materials">
          <Text className="label">需要准备</Text>
          {session.materials.map((item) => (
            <Text key={item} className="session-material">
              · {item}
            </Text>
          ))}
        </View>
      )}
      <SignupPanel session={session} onChanged={onChanged} />
      <CheckInForm session={session} onChanged={onChanged} />
      <FeedbackForm session={session} onChanged={onChanged} />
      {session.mySignup?.status === 'confirmed' && reminders.length > 0 && (
        <Text className="hint session-reminders">{`会在${reminders.map(reminderLabel).join('、')}提醒你（我的 → 消息）`}</Text>
      )}
      {session.canManage && <ManageBar session={session} onChanged={onChanged} />}
    </View>
  );
}
