import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import type { SeriesSignUpResult, SessionView } from '@/domain/contract/sessions';
import { askForSubscriptions } from '@/lib/subscribe-messages';
import { useSubmit } from '@/lib/use-submit';
import { signUpForSeries } from '../api/sign-up-for-series';
import { sessionDateHeading } from '../session-text';

/** One date of a whole-series sign-up: 报名成功 / 候补第 2 位 / 之前已报名 / 报名已截止. */
function seriesDateResultText(date: SeriesSignUpResult['dates'][number]): string {
  if (date.outcome === 'confirmed') return '报名成功';
  if (date.outcome === 'waitlisted') return `候补第 ${date.position} 位`;
  if (date.outcome === 'closed') return '报名已截止';
  if (date.status === 'waitlisted') return `之前已候补，第 ${date.position} 位`;
  return date.status === 'offered' ? '之前已候补转正，待确认' : '之前已报名';
}

/**
 * 报名全部 N 次 beside 报名 on a date of a series: a seat on each upcoming date that has one, the
 * waitlist where there is none; afterwards each date's own result, one line a date.
 */
export function SeriesSignup({
  session,
  guests,
  minGuests,
  onChanged,
}: {
  session: SessionView;
  guests: number;
  minGuests: number | null;
  onChanged: () => Promise<void> | void;
}) {
  const [result, setResult] = useState<SeriesSignUpResult | null>(null);
  const { busy, run } = useSubmit();
  const series = session.series;
  if (!series || session.status === 'cancelled') return null;

  function signUpAll() {
    if (!series) return;
    askForSubscriptions(['sessionReminder', 'waitlistPromoted', 'sessionChanged']);
    run(async () => {
      const answer = await signUpForSeries(series.id, guests, minGuests);
      setResult(answer);
      const waiting = answer.dates.filter((date) => date.outcome === 'waitlisted').length;
      Taro.showToast({
        title: waiting > 0 ? `已报名，其中 ${waiting} 次在候补` : '已报名全部',
        icon: waiting > 0 ? 'none' : 'success',
      });
      await onChanged();
    });
  }

  return (
    <View className="series-signup">
      {!result && series.upcomingDates > 1 && (
        <ActionButton className="series-signup-button" loading={busy} disabled={busy} onClick={signUpAll}>
          {`报名全部 ${series.upcomingDates} 次`}
        </ActionButton>
      )}
      {result && (
        <View className="series-results">
          {result.dates.length === 0 && <Text className="hint">没有还能报名的日期了</Text>}
          {result.dates.map((date) => (
            <View key={date.sessionId} className={`series-result series-result--${date.outcome}`}>
              <Text className="series-result__date">{sessionDateHeading(date.startsAt)}</Text>
              <Text className="series-result__text">{seriesDateResultText(date)}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
