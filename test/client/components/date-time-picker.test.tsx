import { render } from '@testing-library/react';
import { DateTimePicker } from '@/components/date-time-picker';
import { userTimeRange } from '@/domain/user-time';
import { appTimeZone, dayjs } from '@/lib/dayjs';

const chinaDay = (instant: Date) => dayjs(instant).tz(appTimeZone).format('YYYY-MM-DD');

function daysOffered(earliest?: Date) {
  render(
    <DateTimePicker
      label="开始时间"
      date="2026-12-10"
      time="20:00"
      onDateChange={() => {}}
      onTimeChange={() => {}}
      earliest={earliest}
    />,
  );
  const picker = document.querySelector('.picker--date') as HTMLElement;
  return { start: picker.dataset.start, end: picker.dataset.end };
}

test('offers the days the server accepts: within a year either side of today', () => {
  const { earliest, latest } = userTimeRange(new Date());
  expect(daysOffered()).toEqual({ start: chinaDay(earliest), end: chinaDay(latest) });
});

test('starts at a later first day when the field needs one (a start ahead of now)', () => {
  const now = new Date();
  expect(daysOffered(now)).toEqual({ start: chinaDay(now), end: chinaDay(userTimeRange(now).latest) });
});
