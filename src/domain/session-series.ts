/**
 * A series (每周复盘会, 周五烘焙课): one session repeated weekly or every two weeks, until a date or
 * for a number of times. Each date is a session of its own (seats, waitlist, notices); these are the
 * rules of the dates, the words the pages show and the recurrence rule of a calendar file.
 * China keeps UTC+8 without summer time, so a date a whole number of weeks later keeps its 20:00.
 */
import { appUtcOffsetMinutes } from './time-zone';

export const seriesRepeats = ['weekly', 'biweekly'] as const;
export type SeriesRepeat = (typeof seriesRepeats)[number];

export const seriesLimits = {
  datesMin: 2,
  /** Half a year of weekly dates: a longer series is better made again later. */
  datesMax: 26,
} as const;

export interface SeriesPlan {
  repeat: SeriesRepeat;
  /** How many dates, the first included; or */
  count?: number;
  /** the last local day (China, `YYYY-MM-DD`) a date may fall on. */
  until?: string;
}

const minute = 60_000;
const day = 24 * 60 * minute;
const offset = appUtcOffsetMinutes * minute;
const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function intervalWeeks(repeat: SeriesRepeat): number {
  return repeat === 'weekly' ? 1 : 2;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The China-local fields of an instant. */
function localFields(at: Date) {
  const local = new Date(at.getTime() + offset);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    date: local.getUTCDate(),
    weekday: local.getUTCDay(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

export function localDay(at: Date): string {
  const { year, month, date } = localFields(at);
  return `${year}-${pad(month)}-${pad(date)}`;
}

/** `HH:mm`, China time. */
export function localTimeOfDay(at: Date): string {
  const fields = localFields(at);
  return `${pad(fields.hour)}:${pad(fields.minute)}`;
}

/** The instant just after the local day `YYYY-MM-DD` ends; undefined for a day the calendar lacks. */
function endOfLocalDay(text: string): number | undefined {
  const match = dayPattern.exec(text);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const midnight = new Date(Date.UTC(year, month - 1, date));
  if (
    midnight.getUTCFullYear() !== year ||
    midnight.getUTCMonth() !== month - 1 ||
    midnight.getUTCDate() !== date
  )
    return undefined;
  return midnight.getTime() - offset + day;
}

export const timeOfDayPattern = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

/** The same local day as `startsAt`, at `timeOfDay` (`HH:mm`, China time). */
export function atTimeOfDay(startsAt: Date, timeOfDay: string): Date {
  const [hour, minutes] = timeOfDay.split(':').map(Number) as [number, number];
  const { year, month, date } = localFields(startsAt);
  return new Date(Date.UTC(year, month - 1, date, hour, minutes) - offset);
}

export const seriesProblemMessages = {
  countOrUntil: '请选择重复次数或结束日期（二选一）',
  untilFormat: '结束日期格式不正确',
  tooFew: `重复至少 ${seriesLimits.datesMin} 次`,
  tooMany: `重复最多 ${seriesLimits.datesMax} 次`,
} as const;
export type SeriesProblem = keyof typeof seriesProblemMessages;

/**
 * The start of every date, the first included, in order; or why the plan cannot be made. Until a day
 * means every date that falls on it or before.
 */
export function seriesDates(
  firstStartsAt: Date,
  plan: SeriesPlan,
): { ok: true; dates: Date[] } | { ok: false; problem: SeriesProblem } {
  if ((plan.count === undefined) === (plan.until === undefined))
    return { ok: false, problem: 'countOrUntil' };
  const step = intervalWeeks(plan.repeat) * 7 * day;
  let count: number;
  if (plan.count !== undefined) {
    count = plan.count;
  } else {
    const end = endOfLocalDay(plan.until!);
    if (end === undefined) return { ok: false, problem: 'untilFormat' };
    count = end <= firstStartsAt.getTime() ? 0 : Math.floor((end - 1 - firstStartsAt.getTime()) / step) + 1;
  }
  if (count < seriesLimits.datesMin) return { ok: false, problem: 'tooFew' };
  if (count > seriesLimits.datesMax) return { ok: false, problem: 'tooMany' };
  return {
    ok: true,
    dates: Array.from({ length: count }, (_, index) => new Date(firstStartsAt.getTime() + index * step)),
  };
}

const weekdayNames = ['日', '一', '二', '三', '四', '五', '六'];

/** 每周 / 每两周: how often, alone (the mark on a session card of a series). */
export function seriesRepeatLabel(repeat: SeriesRepeat): string {
  return repeat === 'weekly' ? '每周' : '每两周';
}

/** 每周五 20:00 · 共 8 次 / 每两周五 20:00 · 共 4 次. */
export function seriesText(repeat: SeriesRepeat, startsAt: Date, dateCount: number): string {
  return `${seriesRepeatLabel(repeat)}${weekdayNames[localFields(startsAt).weekday]} ${localTimeOfDay(startsAt)} · 共 ${dateCount} 次`;
}

/** The iCalendar UTC form, `20270105T120000Z`. */
export function icsUtcTime(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The `RRULE` value of a calendar file: weekly or every two weeks, for `count` dates or until an instant. */
export function seriesRecurrenceRule(repeat: SeriesRepeat, end: { count: number } | { until: Date }): string {
  const limit = 'count' in end ? `COUNT=${end.count}` : `UNTIL=${icsUtcTime(end.until)}`;
  return `FREQ=WEEKLY;INTERVAL=${intervalWeeks(repeat)};${limit}`;
}
