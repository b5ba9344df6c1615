import {
  atTimeOfDay,
  localDay,
  localTimeOfDay,
  seriesDates,
  seriesRecurrenceRule,
  seriesRepeatLabel,
  seriesText,
} from '../../src/domain/session-series';

// Friday 2027-01-29 20:00 in China.
const firstFriday = new Date('2027-01-29T12:00:00.000Z');

describe('the dates of a series', () => {
  it('repeats weekly at the same local time across a month end', () => {
    const result = seriesDates(firstFriday, { repeat: 'weekly', count: 3 });
    expect(result.ok && result.dates.map((date) => `${localDay(date)} ${localTimeOfDay(date)}`)).toEqual([
      '2027-01-29 20:00',
      '2027-02-05 20:00',
      '2027-02-12 20:00',
    ]);
  });

  it('repeats every two weeks until a day, that day included', () => {
    const result = seriesDates(firstFriday, { repeat: 'biweekly', until: '2027-03-12' });
    expect(result.ok && result.dates.map(localDay)).toEqual([
      '2027-01-29',
      '2027-02-12',
      '2027-02-26',
      '2027-03-12',
    ]);
  });

  it('stops before a date after the until day', () => {
    const result = seriesDates(firstFriday, { repeat: 'weekly', until: '2027-02-11' });
    expect(result.ok && result.dates.map(localDay)).toEqual(['2027-01-29', '2027-02-05']);
  });

  it('counts a late-evening date by its China day, not its UTC day', () => {
    // 00:30 on Saturday in China is still Friday in UTC.
    const lateNight = new Date('2027-01-29T16:30:00.000Z');
    const result = seriesDates(lateNight, { repeat: 'weekly', until: '2027-02-06' });
    expect(result.ok && result.dates.map(localDay)).toEqual(['2027-01-30', '2027-02-06']);
  });

  it.each([
    [{ repeat: 'weekly' as const }, 'countOrUntil'],
    [{ repeat: 'weekly' as const, count: 3, until: '2027-03-01' }, 'countOrUntil'],
    [{ repeat: 'weekly' as const, until: '2027-02-30' }, 'untilFormat'],
    [{ repeat: 'weekly' as const, until: '2027/03/01' }, 'untilFormat'],
    [{ repeat: 'weekly' as const, count: 1 }, 'tooFew'],
    [{ repeat: 'weekly' as const, until: '2027-01-20' }, 'tooFew'],
    [{ repeat: 'weekly' as const, count: 27 }, 'tooMany'],
    [{ repeat: 'weekly' as const, until: '2027-12-31' }, 'tooMany'],
  ])('refuses %j (%s)', (plan, problem) => {
    expect(seriesDates(firstFriday, plan)).toEqual({ ok: false, problem });
  });
});

describe('what a series looks like', () => {
  it('says how often, on which day, at what time and how many times', () => {
    expect(seriesText('weekly', firstFriday, 8)).toBe('每周五 20:00 · 共 8 次');
    expect(seriesText('biweekly', new Date('2027-01-31T01:30:00.000Z'), 4)).toBe('每两周日 09:30 · 共 4 次');
  });

  it('marks a session card with how often alone, in the same words', () => {
    expect([seriesRepeatLabel('weekly'), seriesRepeatLabel('biweekly')]).toEqual(['每周', '每两周']);
  });

  it('moves a date to another time of day on the same China day', () => {
    expect(atTimeOfDay(firstFriday, '19:30').toISOString()).toBe('2027-01-29T11:30:00.000Z');
    expect(atTimeOfDay(firstFriday, '07:00').toISOString()).toBe('2027-01-28T23:00:00.000Z');
  });

  it('writes the recurrence rule of a calendar file', () => {
    expect(seriesRecurrenceRule('weekly', { count: 8 })).toBe('FREQ=WEEKLY;INTERVAL=1;COUNT=8');
    expect(seriesRecurrenceRule('biweekly', { until: new Date('2027-03-12T12:00:00.000Z') })).toBe(
      'FREQ=WEEKLY;INTERVAL=2;UNTIL=20270312T120000Z',
    );
  });
});
