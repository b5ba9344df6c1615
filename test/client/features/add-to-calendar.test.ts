import type { SessionView } from '@/domain/contract/sessions';
import { addSessionToCalendar, sessionIcs } from '@/features/sessions/add-to-calendar';
import Taro, { taroTest } from '../shims/taro';

const base = {
  id: '7d3c3c5e-1111-4a2b-9a59-3f0c6b1d2e01',
  title: '周五烘焙小课',
  description: '每次一个小点心。',
  startsAt: '2030-11-29T12:00:00.000Z',
  durationMinutes: 30,
  mode: 'online',
  meetingLink: 'https://meeting.tencent.com/dm/qy-friday',
  address: null,
  materials: [],
  series: null,
} as unknown as SessionView;

const weekly = {
  ...base,
  series: {
    id: 'series-1',
    repeat: 'weekly',
    text: '每周五 20:00 · 共 4 次',
    datesFromHere: 4,
    lastStartsAt: '2030-12-20T12:00:00.000Z',
    cancelledFromHere: [],
    upcomingDates: 4,
  },
} as SessionView;

const taroEnv = process.env.TARO_ENV;
beforeEach(() => taroTest.reset());
afterEach(() => {
  process.env.TARO_ENV = taroEnv;
});

describe('adding a date of a series to the calendar', () => {
  it('writes one repeating event in the .ics: weekly, or every two weeks, for the dates from this one on', () => {
    expect(sessionIcs(weekly)).toContain('\r\nRRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=4\r\n');
    const biweekly = {
      ...weekly,
      series: { ...weekly.series!, repeat: 'biweekly', datesFromHere: 2 },
    } as SessionView;
    expect(sessionIcs(biweekly)).toContain('\r\nRRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=2\r\n');
    expect(sessionIcs(base)).not.toContain('RRULE');
  });

  it('leaves the cancelled dates of a series out of its repeating event', () => {
    const withCancelled = {
      ...weekly,
      series: {
        ...weekly.series!,
        datesFromHere: 3,
        cancelledFromHere: ['2030-12-06T12:00:00.000Z'],
      },
    } as SessionView;
    const ics = sessionIcs(withCancelled);
    // Four weeks from 29 November to 20 December, the second of them (6 December, 20:00 in China) left out.
    expect(ics).toContain('\r\nDTSTART:20301129T120000Z\r\n');
    expect(ics).toContain('\r\nRRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=4\r\nEXDATE:20301206T120000Z\r\n');
    expect(sessionIcs(weekly)).not.toContain('EXDATE');
  });

  it('in WeChat, adds a weekly series as a repeating event up to its last date', async () => {
    process.env.TARO_ENV = 'weapp';
    await addSessionToCalendar(weekly);
    expect(Taro.addPhoneRepeatCalendar).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '周五烘焙小课',
        startTime: Date.parse('2030-11-29T12:00:00.000Z') / 1000,
        repeatInterval: 'week',
        repeatEndTime: Date.parse('2030-12-20T12:30:00.000Z') / 1000,
      }),
    );
    expect(Taro.addPhoneCalendar).not.toHaveBeenCalled();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已添加到日历', icon: 'success' });
  });

  it('in WeChat, which cannot leave a date out, repeats only up to the date before the first cancelled one', async () => {
    process.env.TARO_ENV = 'weapp';
    const cancelling = (cancelledFromHere: string[]) =>
      ({ ...weekly, series: { ...weekly.series!, datesFromHere: 3, cancelledFromHere } }) as SessionView;
    await addSessionToCalendar(cancelling(['2030-12-13T12:00:00.000Z']));
    expect(Taro.addPhoneRepeatCalendar).toHaveBeenCalledWith(
      expect.objectContaining({ repeatEndTime: Date.parse('2030-12-06T12:30:00.000Z') / 1000 }),
    );
    // The very next date is cancelled: nothing to repeat, this date alone.
    await addSessionToCalendar(cancelling(['2030-12-06T12:00:00.000Z']));
    expect(Taro.addPhoneRepeatCalendar).toHaveBeenCalledTimes(1);
    expect(Taro.addPhoneCalendar).toHaveBeenCalledWith(
      expect.objectContaining({ startTime: Date.parse('2030-11-29T12:00:00.000Z') / 1000 }),
    );
  });

  it('in WeChat, adds a single date, or a two-weekly series it cannot repeat, as one event', async () => {
    process.env.TARO_ENV = 'weapp';
    await addSessionToCalendar(base);
    await addSessionToCalendar({
      ...weekly,
      series: { ...weekly.series!, repeat: 'biweekly' },
    } as SessionView);
    expect(Taro.addPhoneCalendar).toHaveBeenCalledTimes(2);
    expect(Taro.addPhoneRepeatCalendar).not.toHaveBeenCalled();
  });
});
