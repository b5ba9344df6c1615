import { appUtcOffsetMinutes } from '@/domain/time-zone';

/**
 * China's wall clock without dayjs: the tab pages only show times, and dayjs with its time zone and
 * locale was 12 KB of the main package WeChat downloads before the first screen. The pages that
 * edit or compute times (pickers, forms) still use the configured dayjs of ./dayjs.
 */
export type TimeInput = string | number | Date;

interface WallClock {
  year: number;
  /** 1-12. */
  month: number;
  day: number;
  hours: number;
  minutes: number;
  /** 0 = Sunday. */
  weekday: number;
  /** Milliseconds since the epoch. */
  time: number;
}

const weekdayNames = ['日', '一', '二', '三', '四', '五', '六'];

function wallClock(input: TimeInput): WallClock {
  const time = new Date(input).getTime();
  // China keeps UTC+8 all year: shifting the instant and reading the UTC fields gives its wall clock.
  const shifted = new Date(time + appUtcOffsetMinutes * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hours: shifted.getUTCHours(),
    minutes: shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay(),
    time,
  };
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * The date parts the pages show, as dayjs's zh-cn format tokens spell them: YYYY, M, D, HH, mm,
 * ddd (周五) and dddd (星期五). Other characters stay as they are.
 */
export function formatChinaTime(input: TimeInput, pattern: string): string {
  const clock = wallClock(input);
  return pattern.replace(/YYYY|dddd|ddd|HH|mm|M|D/g, (token) => {
    if (token === 'YYYY') return String(clock.year);
    if (token === 'dddd') return `星期${weekdayNames[clock.weekday]}`;
    if (token === 'ddd') return `周${weekdayNames[clock.weekday]}`;
    if (token === 'HH') return twoDigits(clock.hours);
    if (token === 'mm') return twoDigits(clock.minutes);
    if (token === 'M') return String(clock.month);
    return String(clock.day);
  });
}

/** Whether two instants fall on the same calendar day in China. */
export function isSameChinaDay(a: TimeInput, b: TimeInput): boolean {
  const first = wallClock(a);
  const second = wallClock(b);
  return first.year === second.year && first.month === second.month && first.day === second.day;
}

/**
 * Feed-style time: 刚刚, 3分钟前, 2小时前 (same day), 昨天 20:15, 11月3日, 2025年11月3日.
 * A time in the future is shown as its date and time.
 */
export function formatRelative(date: TimeInput, now: TimeInput = Date.now()): string {
  const then = wallClock(date);
  const current = wallClock(now);
  const secondsAgo = Math.trunc((current.time - then.time) / 1000);

  if (secondsAgo < 0) {
    return formatChinaTime(date, then.year === current.year ? 'M月D日 HH:mm' : 'YYYY年M月D日 HH:mm');
  }
  if (secondsAgo < 60) return '刚刚';
  if (secondsAgo < 3600) return `${Math.floor(secondsAgo / 60)}分钟前`;
  if (isSameChinaDay(date, now)) return `${Math.floor(secondsAgo / 3600)}小时前`;
  if (isSameChinaDay(date, current.time - 24 * 3600_000)) return `昨天 ${formatChinaTime(date, 'HH:mm')}`;
  if (then.year === current.year) return formatChinaTime(date, 'M月D日');
  return formatChinaTime(date, 'YYYY年M月D日');
}
