import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/action-button';
import type { SessionView } from '@/domain/contract/sessions';
import { gentleRuleLineText } from '@/domain/gentle-rule';
import { reminderLabel, remindersAhead, waitlistRuleText } from '@/domain/sessions';
import { withPermission } from '@/lib/device-permission';
import { showErrorToast } from '@/lib/show-error-toast';
import { cancelFollowing } from '../api/cancel-following';
import { cancelSession } from '../api/cancel-session';
import { seatsClass, seatsText, sessionTimeRange } from '../session-text';
import { CheckInForm } from './check-in-form';
import { FeedbackForm } from './feedback-form';
import { SignupPanel } from './signup-panel';
import '../session-card.scss';
import '../sessions.scss';
import { attendancePath, sessionEditorPath } from '@/domain/page-paths';

/** Dates of its series from this one on that have not started: what 取消此次及以后 cancels. */
function upcomingFromHere(series: SessionView['series']): number {
  return series ? Math.min(series.datesFromHere, series.upcomingDates) : 0;
}

/** How many dates to cancel: 1, or all upcoming from here when the team chooses 取消此次及以后; 0 if dismissed. */
async function chooseDates(session: SessionView): Promise<number> {
  const upcoming = upcomingFromHere(session.series);
  if (upcoming < 2) return 1;
  try {
    const { tapIndex } = await Taro.showActionSheet({ itemList: ['取消这一次', '取消此次及以后'] });
    return tapIndex === 1 ? upcoming : 1;
  } catch {
    return 0;
  }
}

function ManageBar({ session, onChanged }: { session: SessionView; onChanged: () => Promise<void> | void }) {
  async function cancel() {
    const dates = await chooseDates(session);
    if (!dates) return;
    const following = dates > 1;
    const answer = await Taro.showModal(
      following
        ? {
            title: '取消此次及以后？',
            content: `从这一次起还没开始的 ${dates} 次活动都会取消，每次报名和候补的成员都会收到通知，报名随之结束。取消后不能恢复。`,
            confirmText: '全部取消',
            confirmColor: '#fa5151',
            cancelText: '再想想',
          }
        : {
            title: session.series ? '取消这一次？' : '取消活动？',
            content: '所有报名和候补的成员都会收到通知，报名随之结束。',
          },
    );
    if (!answer.confirm) return;
    try {
      await (following ? cancelFollowing(session.id) : cancelSession(session.id));
      Taro.showToast({ title: following ? '此次及以后的活动已取消' : '活动已取消', icon: 'none' });
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
