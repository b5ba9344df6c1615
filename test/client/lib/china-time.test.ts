import { slotLabel } from '@/features/promotions/slot-label';
import { sessionDateHeading, sessionTimeRange } from '@/features/sessions/session-text';
import { formatChinaTime, isSameChinaDay } from '@/lib/china-time';

// Written in UTC on purpose: the wall clock shown must be China's, whatever the zone of the input or the machine.
test('dates and times are read on China’s clock', () => {
  expect(formatChinaTime('2026-11-27T16:05:00Z', 'YYYY年M月D日 HH:mm')).toBe('2026年11月28日 00:05');
  expect(formatChinaTime(new Date('2026-01-02T01:09:00Z'), 'M月D日 ddd HH:mm')).toBe('1月2日 周五 09:09');
  expect(formatChinaTime(Date.parse('2026-11-28T12:00:00Z'), 'dddd')).toBe('星期六');
});

test('the same day is the day in China, not in UTC', () => {
  // 23:00 and 01:00 the next morning in China: the same UTC day, two days on the wall clock.
  expect(isSameChinaDay('2026-11-26T15:00:00Z', '2026-11-26T17:00:00Z')).toBe(false);
  expect(isSameChinaDay('2026-11-26T17:00:00Z', '2026-11-27T15:59:00Z')).toBe(true);
});

test('a session shows its day and time, with the end date only when it ends on another day', () => {
  expect(sessionTimeRange('2026-11-28T12:00:00Z', 15)).toBe('11月28日 星期六 20:00-20:15');
  expect(sessionTimeRange('2026-11-28T15:00:00Z', 120)).toBe('11月28日 星期六 23:00-11月29日 01:00');
  expect(sessionDateHeading('2026-11-28T16:30:00Z')).toBe('11月29日 星期日');
});

test('a promotion slot shows its day, short weekday and hours', () => {
  expect(slotLabel({ startsAt: '2026-11-27T12:00:00Z', endsAt: '2026-11-27T12:30:00Z' })).toBe(
    '11月27日 周五 20:00-20:30',
  );
});
