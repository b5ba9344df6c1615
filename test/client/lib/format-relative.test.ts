import { formatRelative } from '@/lib/china-time';

// All times are written in China's time zone; the function must not depend on the machine's zone.
const now = '2026-11-26T21:30:00+08:00';

test.each([
  ['2026-11-26T21:29:40+08:00', '刚刚'],
  ['2026-11-26T21:27:00+08:00', '3分钟前'],
  ['2026-11-26T20:31:00+08:00', '59分钟前'],
  ['2026-11-26T19:00:00+08:00', '2小时前'],
  ['2026-11-25T20:15:00+08:00', '昨天 20:15'],
  ['2026-11-03T09:00:00+08:00', '11月3日'],
  ['2025-11-03T09:00:00+08:00', '2025年11月3日'],
])('%s is shown as %s', (date, expected) => {
  expect(formatRelative(date, now)).toBe(expected);
});

test('"yesterday" is decided by the day in China, not in UTC', () => {
  // 01:00 and 22:00 the evening before are the same UTC day, but different days in Shanghai.
  expect(formatRelative('2026-11-25T22:00:00+08:00', '2026-11-26T01:00:00+08:00')).toBe('昨天 22:00');
});

test('a time later today counts hours, even across midnight UTC', () => {
  expect(formatRelative('2026-11-26T07:00:00+08:00', '2026-11-26T09:30:00+08:00')).toBe('2小时前');
});

test('a future time shows its date and time', () => {
  expect(formatRelative('2026-12-01T19:30:00+08:00', now)).toBe('12月1日 19:30');
});

test('accepts Date objects and epoch milliseconds', () => {
  const then = new Date('2026-11-26T21:25:00+08:00');
  expect(formatRelative(then, new Date(now).getTime())).toBe('5分钟前');
});
