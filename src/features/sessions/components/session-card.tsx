import { Text, View } from '@tarojs/components';
import type { SessionSummaryView } from '@/domain/contract/sessions';
import { mySignupText, seatsClass, seatsText, sessionTimeRange, signupStatusClass } from '../session-text';
import '../session-card.scss';

export function SessionCard({
  session,
  onOpen,
}: {
  session: SessionSummaryView;
  onOpen: (id: string) => void;
}) {
  const mine = mySignupText(session);
  return (
    <View className="card session-card" onClick={() => onOpen(session.id)}>
      <Text className="session-card__title">{session.title}</Text>
      <Text className="session-card__time">
        {sessionTimeRange(session.startsAt, session.durationMinutes)}
      </Text>
      <View className="session-card__meta">
        <Text className="session-card__mode">{session.mode === 'online' ? '线上' : '线下'}</Text>
        {session.seriesLabel && <Text className="session-card__series">{session.seriesLabel}</Text>}
        <Text className="session-card__host">主持：{session.hostNickname}</Text>
        {session.tags.map((tag) => (
          <Text key={tag} className="session-tag">
            #{tag}
          </Text>
        ))}
      </View>
      <View className="session-card__foot">
        <Text className={seatsClass(session)}>{seatsText(session)}</Text>
        {mine && <Text className={signupStatusClass(session.mySignup!.status)}>{mine}</Text>}
      </View>
    </View>
  );
}
