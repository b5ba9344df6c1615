import Taro from '@tarojs/taro';
import type { SessionView } from '@/domain/contract/sessions';
import { icsUtcTime, seriesRecurrenceRule } from '@/domain/session-series';
import { withPermission } from '@/lib/device-permission';

function placeOf(session: SessionView): string {
  return session.mode === 'online' ? (session.meetingLink ?? '线上') : (session.address ?? '');
}

function icsText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/([,;])/g, '\\$1');
}

/**
 * A date of a series is added with the dates after it: one repeating event. Its rule counts the
 * cancelled dates in between too, and leaves them out again, in the UTC form DTSTART uses.
 */
function seriesLines(series: NonNullable<SessionView['series']>): string[] {
  const count = series.datesFromHere + series.cancelledFromHere.length;
  return [
    `RRULE:${seriesRecurrenceRule(series.repeat, { count })}`,
    ...series.cancelledFromHere.map((startsAt) => `EXDATE:${icsUtcTime(new Date(startsAt))}`),
  ];
}

export function sessionIcs(session: SessionView, now: Date = new Date()): string {
  const start = new Date(session.startsAt);
  const end = new Date(start.getTime() + session.durationMinutes * 60_000);
  const description = [
    session.description,
    session.materials.length ? `需要准备：${session.materials.join('、')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const { series } = session;
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Qunyou//Sessions//ZH',
    'BEGIN:VEVENT',
    `UID:${session.id}@qunyou`,
    `DTSTAMP:${icsUtcTime(now)}`,
    `DTSTART:${icsUtcTime(start)}`,
    `DTEND:${icsUtcTime(end)}`,
    ...(series && series.datesFromHere > 1 ? seriesLines(series) : []),
    `SUMMARY:${icsText(session.title)}`,
    `DESCRIPTION:${icsText(description)}`,
    `LOCATION:${icsText(placeOf(session))}`,
    'BEGIN:VALARM',
    'TRIGGER:-PT1H',
    'ACTION:DISPLAY',
    `DESCRIPTION:${icsText(session.title)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
}

/**
 * The start of the last date WeChat's weekly repeat may reach: the series' last, or the one before its
 * first cancelled date (WeChat cannot leave a date out). Undefined when there is nothing to repeat.
 */
function weeklyRepeatEnd(session: SessionView): Date | undefined {
  const { series } = session;
  if (series?.repeat !== 'weekly' || series.datesFromHere < 2) return undefined;
  const firstCancelled = series.cancelledFromHere[0];
  const last = firstCancelled
    ? new Date(new Date(firstCancelled).getTime() - 7 * 24 * 3600_000)
    : new Date(series.lastStartsAt);
  return last.getTime() > new Date(session.startsAt).getTime() ? last : undefined;
}

/**
 * WeChat adds the event to the phone's calendar (a refused calendar permission is explained, with
 * 去设置); H5 downloads an .ics file the phone opens in its calendar. A weekly series goes in as a
 * repeating event up to its last date, or up to its first cancelled one (WeChat repeats weekly at most
 * and skips no date, so a two-weekly series goes in as this date; the .ics says every two weeks and
 * leaves cancelled dates out). Never throws.
 */
export async function addSessionToCalendar(session: SessionView): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const start = Math.floor(new Date(session.startsAt).getTime() / 1000);
    const event = {
      title: session.title,
      startTime: start,
      endTime: String(start + session.durationMinutes * 60),
      description: session.description,
      location: placeOf(session),
      alarm: true,
      alarmOffset: 3600,
    };
    const lastRepeated = weeklyRepeatEnd(session);
    const added = await withPermission('calendar', () =>
      lastRepeated
        ? Taro.addPhoneRepeatCalendar({
            ...event,
            repeatInterval: 'week',
            repeatEndTime: Math.floor(lastRepeated.getTime() / 1000) + session.durationMinutes * 60,
          })
        : Taro.addPhoneCalendar(event),
    );
    if (added) Taro.showToast({ title: '已添加到日历', icon: 'success' });
    return;
  }
  const blob = new Blob([sessionIcs(session)], { type: 'text/calendar;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${session.title}.ics`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
