/**
 * The one rule for a time someone picks (a session's start, a tip's publish time, a promotion slot):
 * a real instant written as RFC 3339 (`2026-05-01T12:00:00.000Z` or with an offset), on a day the
 * calendar has, within a year of now either way. The server refuses anything else; the date pickers
 * offer only days inside the same window.
 */
export const userTimeWindow = { daysBehind: 366, daysAhead: 366 } as const;

/** The schema keyword that marks a string field as a time someone picks (an OpenAPI `x-` extension). */
export const userTimeKeyword = 'x-user-time';

const day = 24 * 3600_000;

/** Date, time with seconds, optional fraction, then `Z` or an offset. Upper case only, as `toISOString` writes. */
const rfc3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|([+-])(\d{2}):(\d{2}))$/;

export const userTimeProblemMessages = {
  format: '时间格式不正确',
  impossible: '没有这个日期或时间',
  tooEarly: '时间不能早于一年前',
  tooLate: '时间不能晚于一年后',
} as const;

export type UserTimeProblem = keyof typeof userTimeProblemMessages;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Reads an RFC 3339 time field by field, so 2 月 30 日, 25:61 and leap seconds are refused instead of
 * being rolled over (or turned into an invalid Date) by the JavaScript parser.
 */
export function parseTimestamp(
  text: string,
): { ok: true; date: Date } | { ok: false; problem: UserTimeProblem } {
  const match = rfc3339.exec(text);
  if (!match) return { ok: false, problem: 'format' };
  const [year, month, dayOfMonth, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const offsetHours = match[10] === undefined ? 0 : Number(match[10]);
  const offsetMinutes = match[11] === undefined ? 0 : Number(match[11]);
  if (
    month < 1 ||
    month > 12 ||
    dayOfMonth < 1 ||
    dayOfMonth > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetHours > 14 ||
    offsetMinutes > 59
  )
    return { ok: false, problem: 'impossible' };
  const milliseconds = match[7] ? Math.floor(Number(`0${match[7]}`) * 1000) : 0;
  const sign = match[9] === '-' ? -1 : 1;
  // Built from the fields (Date.UTC reads years 0-99 as 19xx, so the year is set on its own).
  const date = new Date(Date.UTC(2000, month - 1, dayOfMonth, hour, minute, second, milliseconds));
  date.setUTCFullYear(year);
  return { ok: true, date: new Date(date.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000) };
}

/** The earliest and latest instant a person may pick now. */
export function userTimeRange(now: Date): { earliest: Date; latest: Date } {
  return {
    earliest: new Date(now.getTime() - userTimeWindow.daysBehind * day),
    latest: new Date(now.getTime() + userTimeWindow.daysAhead * day),
  };
}

export function userTimeProblem(date: Date, now: Date): UserTimeProblem | null {
  const { earliest, latest } = userTimeRange(now);
  if (date.getTime() < earliest.getTime()) return 'tooEarly';
  if (date.getTime() > latest.getTime()) return 'tooLate';
  return null;
}

/** A time field as sent: well formed, on the calendar and inside the window. */
export function checkUserTime(
  text: string,
  now: Date,
): { ok: true; date: Date } | { ok: false; problem: UserTimeProblem } {
  const parsed = parseTimestamp(text);
  if (!parsed.ok) return parsed;
  const problem = userTimeProblem(parsed.date, now);
  return problem ? { ok: false, problem } : parsed;
}
