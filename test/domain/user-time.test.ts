import { checkUserTime, parseTimestamp, userTimeRange } from '../../src/domain/user-time';

// A fixed clock: the rule is about the calendar and a window around "now", never the real hour.
const now = new Date('2026-06-15T04:00:00.000Z');

describe('a time someone picks', () => {
  const wellFormed: Array<[string, string]> = [
    ['2026-06-20T12:00:00.000Z', '2026-06-20T12:00:00.000Z'],
    ['2026-06-20T20:00:00+08:00', '2026-06-20T12:00:00.000Z'],
    ['2026-06-20T07:30:00-04:30', '2026-06-20T12:00:00.000Z'],
    ['2026-06-20T12:00:00Z', '2026-06-20T12:00:00.000Z'],
    ['2026-06-20T12:00:00.5Z', '2026-06-20T12:00:00.500Z'],
    ['2026-06-20T12:00:00.123456789Z', '2026-06-20T12:00:00.123Z'],
    ['2028-02-29T00:00:00.000Z', '2028-02-29T00:00:00.000Z'],
    ['2000-02-29T00:00:00.000Z', '2000-02-29T00:00:00.000Z'],
    ['0099-01-01T00:00:00.000Z', '0099-01-01T00:00:00.000Z'],
  ];
  it.each(wellFormed)('reads %s as %s', (text, instant) => {
    const parsed = parseTimestamp(text);
    expect(parsed.ok && parsed.date.toISOString()).toBe(instant);
  });

  const offCalendar = [
    '2026-02-30T10:00:00.000Z',
    '2027-02-29T10:00:00.000Z',
    '2100-02-29T10:00:00.000Z',
    '2026-04-31T10:00:00.000Z',
    '2026-13-01T10:00:00.000Z',
    '2026-00-10T10:00:00.000Z',
    '2026-06-00T10:00:00.000Z',
    '2026-06-20T24:00:00.000Z',
    '2026-06-20T25:61:00.000Z',
    '2026-06-20T23:59:60.000Z', // a leap second: JavaScript cannot hold it
    '2026-06-20T12:00:00+15:00',
    '2026-06-20T12:00:00+08:60',
  ];
  it.each(offCalendar)('refuses %s as a time that does not exist', (text) => {
    expect(parseTimestamp(text)).toEqual({ ok: false, problem: 'impossible' });
  });

  const malformed = [
    '2026-06-20',
    '2026-06-20T12:00',
    '2026-06-20T12:00:00',
    '2026-06-20 12:00:00Z',
    '2026-06-20t12:00:00z',
    '+275760-09-13T00:00:00.000Z',
    '-000001-01-01T00:00:00.000Z',
    '20260620T120000Z',
    'yesterday',
    '',
  ];
  it.each(malformed)('refuses %j as not RFC 3339', (text) => {
    expect(parseTimestamp(text)).toEqual({ ok: false, problem: 'format' });
  });

  it('keeps to a year either side of now', () => {
    const { earliest, latest } = userTimeRange(now);
    expect(checkUserTime(latest.toISOString(), now).ok).toBe(true);
    expect(checkUserTime(earliest.toISOString(), now).ok).toBe(true);
    expect(checkUserTime(new Date(latest.getTime() + 1).toISOString(), now)).toEqual({
      ok: false,
      problem: 'tooLate',
    });
    expect(checkUserTime(new Date(earliest.getTime() - 1).toISOString(), now)).toEqual({
      ok: false,
      problem: 'tooEarly',
    });
    expect(checkUserTime('9999-12-31T23:59:59.999Z', now)).toEqual({ ok: false, problem: 'tooLate' });
    expect(checkUserTime('0001-01-01T00:00:00.000Z', now)).toEqual({ ok: false, problem: 'tooEarly' });
    expect(checkUserTime('1970-01-01T00:00:00.000Z', now)).toEqual({ ok: false, problem: 'tooEarly' });
  });
});
