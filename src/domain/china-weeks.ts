/**
 * Weeks as the group lives them: Monday 00:00 to the next Monday 00:00 in China time, whatever the
 * server's or the phone's own time zone. A week is named by its Monday, `YYYY-MM-DD`.
 * China has kept UTC+8 without summer time since 1991, so a fixed offset is exact.
 */
const minute = 60_000;
const day = 24 * 60 * minute;
const week = 7 * day;
const chinaOffset = 8 * 60 * minute;

const weekStartPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The Monday (China time) of the week `at` falls in. */
export function weekStartOf(at: Date): string {
  const china = new Date(at.getTime() + chinaOffset);
  const isoWeekday = china.getUTCDay() === 0 ? 7 : china.getUTCDay();
  const monday = new Date(
    Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate()) - (isoWeekday - 1) * day,
  );
  return `${monday.getUTCFullYear()}-${pad(monday.getUTCMonth() + 1)}-${pad(monday.getUTCDate())}`;
}

/** The instant a week begins; undefined when `weekStart` is not a real date. */
function startInstant(weekStart: string): number | undefined {
  const match = weekStartPattern.exec(weekStart);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utcMidnight = Date.UTC(year, month - 1, date);
  const check = new Date(utcMidnight);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date)
    return undefined;
  return utcMidnight - chinaOffset;
}

/** True for a real date that is a Monday: the name of a week. */
export function isWeekStart(value: string): boolean {
  const start = startInstant(value);
  return start !== undefined && weekStartOf(new Date(start)) === value;
}

/** `[start, end)` of a week, as instants. Call with a checked week start. */
export function weekBounds(weekStart: string): { start: Date; end: Date } {
  const start = startInstant(weekStart);
  if (start === undefined) throw new Error(`not a week start: ${weekStart}`);
  return { start: new Date(start), end: new Date(start + week) };
}

/** The week `weeks` later (earlier when negative). */
export function addWeeks(weekStart: string, weeks: number): string {
  return weekStartOf(new Date(weekBounds(weekStart).start.getTime() + weeks * week));
}

/** The instant `days` and `hours` after the week began (China wall clock), e.g. Friday 18:00 is (4, 18). */
export function timeInWeek(weekStart: string, days: number, hours: number): Date {
  return new Date(weekBounds(weekStart).start.getTime() + days * day + hours * 60 * minute);
}

function monthDay(instant: number): string {
  const china = new Date(instant + chinaOffset);
  return `${china.getUTCMonth() + 1}月${china.getUTCDate()}日`;
}

/** `11月23日-11月29日`: the week as the group reads it. */
export function weekLabel(weekStart: string): string {
  const { start, end } = weekBounds(weekStart);
  return `${monthDay(start.getTime())}-${monthDay(end.getTime() - day)}`;
}

const weekdayNames = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** `12月1日 周二 20:00` in China time. */
export function chinaDayTime(at: Date): string {
  const china = new Date(at.getTime() + chinaOffset);
  return `${monthDay(at.getTime())} ${weekdayNames[china.getUTCDay()]} ${pad(china.getUTCHours())}:${pad(china.getUTCMinutes())}`;
}
