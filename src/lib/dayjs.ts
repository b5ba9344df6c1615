import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { appTimeZone } from '@/domain/time-zone';

/** The one configured dayjs: Chinese, and every wall-clock time in China's time zone whatever the device says. */
dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

dayjs.tz.setDefault(appTimeZone);

export { appTimeZone, dayjs };
