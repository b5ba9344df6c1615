import {
  addWeeks,
  chinaDayTime,
  isWeekStart,
  weekBounds,
  weekLabel,
  weekStartOf,
} from '../../src/domain/china-weeks';

describe('weeks in China time', () => {
  it('names a week by its Monday in China, whatever the instant’s UTC date', () => {
    // Sunday 29 Nov 2026 23:30 in China is still the week of Monday 23 Nov.
    expect(weekStartOf(new Date('2026-11-29T15:30:00Z'))).toBe('2026-11-23');
    // Monday 30 Nov 00:30 in China is Sunday 16:30 UTC: already the next week.
    expect(weekStartOf(new Date('2026-11-29T16:30:00Z'))).toBe('2026-11-30');
    expect(weekStartOf(new Date('2026-11-23T00:00:00Z'))).toBe('2026-11-23');
  });

  it('bounds a week from Monday 00:00 to the next Monday 00:00 in China', () => {
    expect(weekBounds('2026-11-23')).toEqual({
      start: new Date('2026-11-22T16:00:00Z'),
      end: new Date('2026-11-29T16:00:00Z'),
    });
  });

  it('accepts only real Mondays as week names', () => {
    expect(isWeekStart('2026-11-23')).toBe(true);
    expect(isWeekStart('2026-11-24')).toBe(false);
    expect(isWeekStart('2026-02-30')).toBe(false);
    expect(isWeekStart('2026-11-23T00:00')).toBe(false);
  });

  it('steps across months and years', () => {
    expect(addWeeks('2026-12-28', 1)).toBe('2027-01-04');
    expect(addWeeks('2026-11-30', -1)).toBe('2026-11-23');
  });

  it('writes weeks and times as the group reads them', () => {
    expect(weekLabel('2026-11-30')).toBe('11月30日-12月6日');
    expect(chinaDayTime(new Date('2026-12-01T12:00:00Z'))).toBe('12月1日 周二 20:00');
  });
});
