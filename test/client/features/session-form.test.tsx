import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { SessionInput } from '@/domain/contract/sessions';
import { type SeriesChoice, SessionForm } from '@/features/sessions/components/session-form';
import { emptyDraft } from '@/features/sessions/session-draft';
import { appTimeZone, dayjs } from '@/lib/dayjs';
import { taroTest } from '../shims/taro';

beforeEach(() => taroTest.reset());

const members = [
  { userId: 'u1', nickname: '小林', avatarUrl: null, role: 'owner', joinedAt: '2026-11-01T00:00:00.000Z' },
];

test('a session starting in 30 minutes offers only the reminders still ahead, and sends only those', async () => {
  const soon = dayjs().tz(appTimeZone).add(30, 'minute');
  const draft = {
    ...emptyDraft('u1'),
    title: '马上开始的小课',
    meetingLink: 'https://meeting.tencent.com/dm/soon',
    date: soon.format('YYYY-MM-DD'),
    time: soon.format('HH:mm'),
    reminderOffsets: [1440, 60, 15],
  };
  const sent: SessionInput[] = [];
  render(
    <SessionForm
      initial={draft}
      members={members as never}
      submitLabel="发布活动"
      onSubmit={async (input) => {
        sent.push(input);
      }}
    />,
  );
  const reminders = within(document.querySelector('.session-form__reminders') as HTMLElement);
  const chip = (label: string) => reminders.getByText(label).className;
  expect(chip('提前1天')).toContain('is-disabled');
  expect(chip('提前1天')).not.toContain('is-selected');
  expect(chip('提前1小时')).toContain('is-disabled');
  expect(chip('提前15分钟')).toContain('is-selected');

  fireEvent.click(reminders.getByText('提前1天'));
  expect(chip('提前1天')).not.toContain('is-selected');
  fireEvent.click(screen.getByText('发布活动'));
  await waitFor(() => expect(sent).toHaveLength(1));
  expect(sent[0]!.reminderOffsets).toEqual([15]);
});

test('重复 每周 共 N 次 sends the series with the session, and more than 26 times is refused in Chinese', async () => {
  const sent: Array<[SessionInput, SeriesChoice | null]> = [];
  render(
    <SessionForm
      initial={{
        ...emptyDraft('u1'),
        title: '周五烘焙小课',
        meetingLink: 'https://meeting.tencent.com/dm/x',
      }}
      members={members as never}
      submitLabel="发布活动"
      repeatable
      onSubmit={async (input, series) => {
        sent.push([input, series]);
      }}
    />,
  );
  expect(document.querySelector('.field--repeat-count')).toBeNull();
  fireEvent.click(screen.getByText('每周'));
  const count = document.querySelector('.field--repeat-count input') as HTMLInputElement;
  fireEvent.change(count, { target: { value: '30' } });
  expect(screen.getByText('重复最多 26 次')).toBeTruthy();
  expect((screen.getByText('发布活动').closest('button') as HTMLButtonElement).disabled).toBe(true);

  fireEvent.change(count, { target: { value: '8' } });
  fireEvent.click(screen.getByText('发布活动'));
  await waitFor(() => expect(sent).toHaveLength(1));
  expect(sent[0]![1]).toEqual({ repeat: 'weekly', count: 8 });
  expect(sent[0]![0].title).toBe('周五烘焙小课');
});

test('不重复 (and an edited session, which has no 重复) sends no series', async () => {
  const sent: Array<SeriesChoice | null> = [];
  render(
    <SessionForm
      initial={{ ...emptyDraft('u1'), title: '单次小课', meetingLink: 'https://meeting.tencent.com/dm/x' }}
      members={members as never}
      submitLabel="保存修改"
      onSubmit={async (_input, series) => {
        sent.push(series);
      }}
    />,
  );
  expect(screen.queryByText('每周')).toBeNull();
  fireEvent.click(screen.getByText('保存修改'));
  await waitFor(() => expect(sent).toEqual([null]));
});
