import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { appTimeZone, appUtcOffsetMinutes } from '@/domain/time-zone';

/** The one configured dayjs: Chinese, and every wall-clock time in China's time zone whatever the device says. */
dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

dayjs.tz.setDefault(appTimeZone);

export { appTimeZone, dayjs };

/**
 * The same wall clock as `.tz(appTimeZone)`, without its Intl formatting on every call, which took
 * most of the feed's first render (200 ms for one page of cards in headless Chromium).
 */
function inChina(date: dayjs.ConfigType): dayjs.Dayjs {
  return dayjs(date).utcOffset(appUtcOffsetMinutes);
}

/**
 * Feed-style time: 刚刚, 3分钟前, 2小时前 (same day), 昨天 20:15, 11月3日, 2025年11月3日.
 * A time in the future is shown as its date and time.
 */
export function formatRelative(date: dayjs.ConfigType, now: dayjs.ConfigType = Date.now()): string {
  const then = inChina(date);
  const current = inChina(now);
  const secondsAgo = current.diff(then, 'second');

  if (secondsAgo < 0) {
    return then.format(then.year() === current.year() ? 'M月D日 HH:mm' : 'YYYY年M月D日 HH:mm');
  }
  if (secondsAgo < 60) return '刚刚';
  if (secondsAgo < 3600) return `${Math.floor(secondsAgo / 60)}分钟前`;
  if (then.isSame(current, 'day')) return `${Math.floor(secondsAgo / 3600)}小时前`;
  if (then.isSame(current.subtract(1, 'day'), 'day')) return `昨天 ${then.format('HH:mm')}`;
  if (then.year() === current.year()) return then.format('M月D日');
  return then.format('YYYY年M月D日');
}
